using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DerivedShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Headline",
                table: "Indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "Areas",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "assessed");

            migrationBuilder.CreateTable(
                name: "CountPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    EuropeIndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UsIndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    // xmin is a system column of every PostgreSQL table: the concurrency token needs no DDL.
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountPairs", x => x.Id);
                    table.CheckConstraint("CK_CountPairs_Label", "length(trim(\"Label\")) > 0");
                    table.CheckConstraint("CK_CountPairs_TwoSides", "\"EuropeIndicatorId\" <> \"UsIndicatorId\"");
                    table.CheckConstraint("CK_CountPairs_Weight", "\"Weight\" > 0");
                    table.ForeignKey(
                        name: "FK_CountPairs_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CountPairs_Indicators_EuropeIndicatorId",
                        column: x => x.EuropeIndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CountPairs_Indicators_UsIndicatorId",
                        column: x => x.UsIndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Areas_Basis",
                table: "Areas",
                sql: "\"Basis\" IN ('assessed', 'derived')");

            migrationBuilder.CreateIndex(
                name: "IX_CountPairs_AreaId_Label",
                table: "CountPairs",
                columns: new[] { "AreaId", "Label" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CountPairs_EuropeIndicatorId",
                table: "CountPairs",
                column: "EuropeIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_CountPairs_UsIndicatorId",
                table: "CountPairs",
                column: "UsIndicatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountPairs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Areas_Basis",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "Headline",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Basis",
                table: "Areas");
        }
    }
}
