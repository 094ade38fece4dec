using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EditingHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // xmin is a system column of every PostgreSQL table: the concurrency token needs no DDL
            // (EF generates AddColumn for it; see npgsql/efcore.pg#3854).
            migrationBuilder.DropIndex(
                name: "IX_Targets_AreaId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Targets_IndicatorId_Key",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_Areas_Key",
                table: "Areas");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Targets",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);


            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "ShareAssessments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "ShareAssessments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);


            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Milestones",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Milestones",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);


            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "IndicatorObservations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "IndicatorObservations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);


            migrationBuilder.AddColumn<string>(
                name: "AreaKey",
                table: "AuditEntries",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChangeSetId",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "Areas",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Areas",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);


            migrationBuilder.CreateTable(
                name: "ChangeSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    UndoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "DeletedAt",
                table: "ShareAssessments");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "ShareAssessments");


            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Milestones");


            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "IndicatorObservations");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
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
