using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SourceCitationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShareAssessments_SourceId",
                table: "ShareAssessments");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_SourceId",
                table: "IndicatorObservations");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_SourceId_AsOf_Id",
                table: "ShareAssessments",
                columns: new[] { "SourceId", "AsOf", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessmentVersions_SourceId_AsOf_Id",
                table: "ShareAssessmentVersions",
                columns: new[] { "SourceId", "AsOf", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_SourceId_AsOf_Id",
                table: "IndicatorObservations",
                columns: new[] { "SourceId", "AsOf", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservationVersions_SourceId_AsOf_Id",
                table: "IndicatorObservationVersions",
                columns: new[] { "SourceId", "AsOf", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShareAssessments_SourceId_AsOf_Id",
                table: "ShareAssessments");

            migrationBuilder.DropIndex(
                name: "IX_ShareAssessmentVersions_SourceId_AsOf_Id",
                table: "ShareAssessmentVersions");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservations_SourceId_AsOf_Id",
                table: "IndicatorObservations");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorObservationVersions_SourceId_AsOf_Id",
                table: "IndicatorObservationVersions");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_SourceId",
                table: "ShareAssessments",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_SourceId",
                table: "IndicatorObservations",
                column: "SourceId");
        }
    }
}
