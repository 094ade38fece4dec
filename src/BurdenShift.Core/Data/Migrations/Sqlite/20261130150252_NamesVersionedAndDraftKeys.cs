using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Headline = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "SourceVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
            foreach (var sql in NamesVersionedBackfill.Statements("0"))
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
