using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
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
                type: "numeric(7,4)",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EuropeLow",
                table: "ShareAssessments",
                type: "numeric(7,4)",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "UsHigh",
                table: "ShareAssessments",
                type: "numeric(7,4)",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "UsLow",
                table: "ShareAssessments",
                type: "numeric(7,4)",
                precision: 7,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "High",
                table: "IndicatorObservations",
                type: "numeric(24,6)",
                precision: 24,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Low",
                table: "IndicatorObservations",
                type: "numeric(24,6)",
                precision: 24,
                scale: 6,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_EuropeHigh",
                table: "ShareAssessments",
                sql: "\"EuropeHigh\" IS NULL OR (\"EuropeShare\" IS NOT NULL AND \"EuropeHigh\" <= 100 AND \"EuropeHigh\" >= \"EuropeShare\")");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_EuropeLow",
                table: "ShareAssessments",
                sql: "\"EuropeLow\" IS NULL OR (\"EuropeShare\" IS NOT NULL AND \"EuropeLow\" >= 0 AND \"EuropeLow\" <= \"EuropeShare\")");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_UsHigh",
                table: "ShareAssessments",
                sql: "\"UsHigh\" IS NULL OR (\"UsShare\" IS NOT NULL AND \"UsHigh\" <= 100 AND \"UsHigh\" >= \"UsShare\")");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ShareAssessments_UsLow",
                table: "ShareAssessments",
                sql: "\"UsLow\" IS NULL OR (\"UsShare\" IS NOT NULL AND \"UsLow\" >= 0 AND \"UsLow\" <= \"UsShare\")");

            migrationBuilder.AddCheckConstraint(
                name: "CK_IndicatorObservations_High",
                table: "IndicatorObservations",
                sql: "\"High\" IS NULL OR \"High\" >= \"Value\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_IndicatorObservations_Low",
                table: "IndicatorObservations",
                sql: "\"Low\" IS NULL OR \"Low\" <= \"Value\"");
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
