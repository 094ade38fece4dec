using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgeTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AreaVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShareBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "CountPairVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    EuropeIndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    UsIndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountPairVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorObservationVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Low = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    High = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorObservationVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DuePrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "ShareAssessmentVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EuropeShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    EuropeLow = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    EuropeHigh = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsLow = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsHigh = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAssessmentVersions", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "TargetVersions",
                columns: table => new
                {
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublishedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetVersions", x => x.VersionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaVersions_Id_PublishedFrom",
                table: "AreaVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaVersions_Key",
                table: "AreaVersions",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_CountPairVersions_AreaId_Label",
                table: "CountPairVersions",
                columns: new[] { "AreaId", "Label" });

            migrationBuilder.CreateIndex(
                name: "IX_CountPairVersions_Id_PublishedFrom",
                table: "CountPairVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservationVersions_Id_PublishedFrom",
                table: "IndicatorObservationVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservationVersions_IndicatorId_AsOf",
                table: "IndicatorObservationVersions",
                columns: new[] { "IndicatorId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneVersions_Due",
                table: "MilestoneVersions",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneVersions_Id_PublishedFrom",
                table: "MilestoneVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessmentVersions_AreaId_AsOf",
                table: "ShareAssessmentVersions",
                columns: new[] { "AreaId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessmentVersions_Id_PublishedFrom",
                table: "ShareAssessmentVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetVersions_AreaId_Key",
                table: "TargetVersions",
                columns: new[] { "AreaId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetVersions_Id_PublishedFrom",
                table: "TargetVersions",
                columns: new[] { "Id", "PublishedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetVersions_IndicatorId_Key",
                table: "TargetVersions",
                columns: new[] { "IndicatorId", "Key" });

            // Every row existing now gets its first recorded version (docs/decisions/0020).
            foreach (var sql in KnowledgeTimeBackfill.Statements("CAST((julianday('now') - 1721425.5) * 864000000000 AS INTEGER)"))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaVersions");

            migrationBuilder.DropTable(
                name: "CountPairVersions");

            migrationBuilder.DropTable(
                name: "IndicatorObservationVersions");

            migrationBuilder.DropTable(
                name: "MilestoneVersions");

            migrationBuilder.DropTable(
                name: "ShareAssessmentVersions");

            migrationBuilder.DropTable(
                name: "TargetVersions");
        }
    }
}
