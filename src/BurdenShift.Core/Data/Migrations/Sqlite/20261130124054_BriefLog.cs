using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BriefLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BriefLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KnownAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefLog", x => x.Id);
                    table.CheckConstraint("CK_BriefLog_Format", "\"Format\" IN ('pptx', 'pdf')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefLog_GeneratedAt",
                table: "BriefLog",
                column: "GeneratedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefLog");
        }
    }
}
