using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DataVersion",
                table: "DatasetInfo",
                type: "INTEGER",
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
