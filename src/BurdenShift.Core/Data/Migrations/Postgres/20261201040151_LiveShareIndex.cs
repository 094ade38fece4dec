using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveShareIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShareAssessments_LiveEurope",
                table: "ShareAssessments");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_Live",
                table: "ShareAssessments",
                columns: new[] { "AreaId", "AsOf", "Id" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShareAssessments_Live",
                table: "ShareAssessments");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_LiveEurope",
                table: "ShareAssessments",
                columns: new[] { "AreaId", "AsOf", "Id" },
                filter: "\"DeletedAt\" IS NULL AND \"EuropeShare\" IS NOT NULL");
        }
    }
}
