using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditingHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Targets_AreaId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Targets_IndicatorId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Areas_Key",
                table: "Areas");

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Targets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Targets",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Targets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "ShareAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "ShareAssessments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "ShareAssessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Milestones",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Milestones",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "IndicatorObservations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "IndicatorObservations",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "IndicatorObservations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "AreaKey",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangeSetId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Areas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Areas",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Areas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ChangeSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeSets", x => x.Id);
                    table.CheckConstraint("CK_ChangeSets_By", "length(trim(\"By\")) > 0");
                    table.CheckConstraint("CK_ChangeSets_Kind", "\"Kind\" IN ('import', 'undo')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_AreaId_Key",
                table: "Targets",
                columns: new[] { "AreaId", "Key" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_IndicatorId_Key",
                table: "Targets",
                columns: new[] { "IndicatorId", "Key" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AreaKey",
                table: "AuditEntries",
                column: "AreaKey");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChangeSetId",
                table: "AuditEntries",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Key",
                table: "Areas",
                column: "Key",
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeSets_At",
                table: "ChangeSets",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeSets");

            migrationBuilder.DropIndex(
                name: "IX_Targets_AreaId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Targets_IndicatorId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AreaKey",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChangeSetId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Areas_Key",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "AreaKey",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChangeSetId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Areas");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_AreaId_Key",
                table: "Targets",
                columns: new[] { "AreaId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_IndicatorId_Key",
                table: "Targets",
                columns: new[] { "IndicatorId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Key",
                table: "Areas",
                column: "Key",
                unique: true);
        }
    }
}
