using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NamesVersionedAndDraftKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProposalKey",
                table: "Drafts",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublishedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Headline = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "SourceVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublishedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceVersions", x => x.VersionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Drafts_ProposalKey",
                table: "Drafts",
                column: "ProposalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVersions_Id_PublishedFrom",
                table: "IndicatorVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVersions_Key",
                table: "IndicatorVersions",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_SourceVersions_Id_PublishedFrom",
                table: "SourceVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceVersions_Key",
                table: "SourceVersions",
                column: "Key");

            // Every source and indicator existing now gets its first recorded version (docs/decisions/0020).
            foreach (var sql in NamesVersionedBackfill.Statements("TIMESTAMPTZ '0001-01-01 00:00:00+00'"))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorVersions");

            migrationBuilder.DropTable(
                name: "SourceVersions");

            migrationBuilder.DropIndex(
                name: "IX_Drafts_ProposalKey",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "ProposalKey",
                table: "Drafts");
        }
    }
}
