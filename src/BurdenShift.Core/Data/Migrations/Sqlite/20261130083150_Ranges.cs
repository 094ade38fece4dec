using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ranges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "EuropeHigh",
                table: "ShareAssessments",
                type: "TEXT",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EuropeLow",
                table: "ShareAssessments",
                type: "TEXT",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "UsHigh",
                table: "ShareAssessments",
                type: "TEXT",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "UsLow",
                table: "ShareAssessments",
                type: "TEXT",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "High",
                table: "IndicatorObservations",
                type: "TEXT",
                precision: 24,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Low",
                table: "IndicatorObservations",
                type: "TEXT",
                precision: 24,
                scale: 6,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_EuropeHigh",
                table: "ShareAssessments",
                sql: "\"EuropeHigh\" IS NULL OR (\"EuropeShare\" IS NOT NULL AND CAST(\"EuropeHigh\" AS REAL) <= 100 AND CAST(\"EuropeHigh\" AS REAL) >= CAST(\"EuropeShare\" AS REAL))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_EuropeLow",
                table: "ShareAssessments",
                sql: "\"EuropeLow\" IS NULL OR (\"EuropeShare\" IS NOT NULL AND CAST(\"EuropeLow\" AS REAL) >= 0 AND CAST(\"EuropeLow\" AS REAL) <= CAST(\"EuropeShare\" AS REAL))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_UsHigh",
                table: "ShareAssessments",
                sql: "\"UsHigh\" IS NULL OR (\"UsShare\" IS NOT NULL AND CAST(\"UsHigh\" AS REAL) <= 100 AND CAST(\"UsHigh\" AS REAL) >= CAST(\"UsShare\" AS REAL))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_UsLow",
                table: "ShareAssessments",
                sql: "\"UsLow\" IS NULL OR (\"UsShare\" IS NOT NULL AND CAST(\"UsLow\" AS REAL) >= 0 AND CAST(\"UsLow\" AS REAL) <= CAST(\"UsShare\" AS REAL))");

            migrationBuilder.AddCheckConstraint(
                name: "CK_IndicatorObservations_High",
                table: "IndicatorObservations",
                sql: "\"High\" IS NULL OR CAST(\"High\" AS REAL) >= CAST(\"Value\" AS REAL)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_IndicatorObservations_Low",
                table: "IndicatorObservations",
                sql: "\"Low\" IS NULL OR CAST(\"Low\" AS REAL) <= CAST(\"Value\" AS REAL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ShareAssessments_EuropeHigh",
                table: "ShareAssessments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ShareAssessments_EuropeLow",
                table: "ShareAssessments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ShareAssessments_UsHigh",
                table: "ShareAssessments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ShareAssessments_UsLow",
                table: "ShareAssessments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_IndicatorObservations_High",
                table: "IndicatorObservations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_IndicatorObservations_Low",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "EuropeHigh",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "EuropeLow",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "UsHigh",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "UsLow",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "High",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "Low",
                table: "IndicatorObservations");
        }
    }
}
