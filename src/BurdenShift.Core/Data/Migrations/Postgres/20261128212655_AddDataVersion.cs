using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeSummary",
                table: "DatasetInfo",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DataVersion",
                table: "DatasetInfo",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeSummary",
                table: "DatasetInfo");

            migrationBuilder.DropColumn(
                name: "DataVersion",
                table: "DatasetInfo");
        }
    }
}
