using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DayPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObservationDays",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RowId = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Low = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    High = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationDays", x => new { x.IndicatorId, x.AsOf });
                });

            migrationBuilder.CreateTable(
                name: "ShareDays",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RowId = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EuropeShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    UsShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EuropeLow = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    EuropeHigh = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsLow = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsHigh = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareDays", x => new { x.AreaId, x.AsOf });
                });

            // The triggers that keep each date's last row, and the days of the rows already there (docs/decisions/0024).
            foreach (var sql in global::BurdenShift.Core.Data.DayPoints.DayPointTriggers.CreateSqlite())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::BurdenShift.Core.Data.DayPoints.DayPointTriggers.DropSqlite())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "ObservationDays");

            migrationBuilder.DropTable(
                name: "ShareDays");
        }
    }
}
