using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonthSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObservationMonths",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Confidence = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    FirstAsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ValueMin = table.Column<double>(type: "double precision", nullable: true),
                    ValueMax = table.Column<double>(type: "double precision", nullable: true),
                    LowEnd = table.Column<double>(type: "double precision", nullable: true),
                    HighEnd = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationMonths", x => new { x.IndicatorId, x.Month, x.SourceId, x.Confidence });
                });

            migrationBuilder.CreateTable(
                name: "ShareMonths",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Confidence = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    FirstAsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    EuropeMin = table.Column<double>(type: "double precision", nullable: true),
                    EuropeMax = table.Column<double>(type: "double precision", nullable: true),
                    UsMin = table.Column<double>(type: "double precision", nullable: true),
                    UsMax = table.Column<double>(type: "double precision", nullable: true),
                    EuropeLowEnd = table.Column<double>(type: "double precision", nullable: true),
                    EuropeHighEnd = table.Column<double>(type: "double precision", nullable: true),
                    UsLowEnd = table.Column<double>(type: "double precision", nullable: true),
                    UsHighEnd = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareMonths", x => new { x.AreaId, x.Month, x.SourceId, x.Confidence });
                });

            // The triggers that keep the summaries, and the summaries of the rows already there (docs/decisions/0023).
            foreach (var sql in global::BurdenShift.Core.Data.MonthSummaries.MonthSummaryTriggers.CreatePostgres())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::BurdenShift.Core.Data.MonthSummaries.MonthSummaryTriggers.DropPostgres())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "ObservationMonths");

            migrationBuilder.DropTable(
                name: "ShareMonths");
        }
    }
}
