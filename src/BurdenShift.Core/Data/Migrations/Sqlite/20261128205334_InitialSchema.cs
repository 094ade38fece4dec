using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BurdenShift.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShareBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false, defaultValue: 1m),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                    table.CheckConstraint("CK_Areas_Key", "length(trim(\"Key\")) > 0");
                    table.CheckConstraint("CK_Areas_Name", "length(trim(\"Name\")) > 0");
                });

            migrationBuilder.CreateTable(
                name: "DatasetInfo",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeededAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetInfo", x => x.Id);
                    table.CheckConstraint("CK_DatasetInfo_Singleton", "\"Id\" = 1");
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                    table.CheckConstraint("CK_Sources_Confidence", "\"Confidence\" IN ('high', 'medium', 'low')");
                    table.CheckConstraint("CK_Sources_Key", "length(trim(\"Key\")) > 0");
                    table.CheckConstraint("CK_Sources_Publisher", "length(trim(\"Publisher\")) > 0");
                    table.CheckConstraint("CK_Sources_Title", "length(trim(\"Title\")) > 0");
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.CheckConstraint("CK_Indicators_Direction", "\"Direction\" IN ('up', 'down')");
                    table.CheckConstraint("CK_Indicators_Key", "length(trim(\"Key\")) > 0");
                    table.ForeignKey(
                        name: "FK_Indicators_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DuePrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.CheckConstraint("CK_Milestones_Status", "\"Status\" IN ('planned', 'in-progress', 'done', 'slipped', 'cancelled')");
                    table.CheckConstraint("CK_Milestones_Title", "length(trim(\"Title\")) > 0");
                    table.ForeignKey(
                        name: "FK_Milestones_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Milestones_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EuropeShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    UsShare = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAssessments", x => x.Id);
                    table.CheckConstraint("CK_ShareAssessments_AnyShare", "\"EuropeShare\" IS NOT NULL OR \"UsShare\" IS NOT NULL");
                    table.CheckConstraint("CK_ShareAssessments_Confidence", "\"Confidence\" IN ('high', 'medium', 'low')");
                    table.CheckConstraint("CK_ShareAssessments_EuropeShare_Range", "CAST(\"EuropeShare\" AS REAL) >= 0 AND CAST(\"EuropeShare\" AS REAL) <= 100");
                    table.CheckConstraint("CK_ShareAssessments_Sum", "CAST(\"EuropeShare\" AS REAL) + CAST(\"UsShare\" AS REAL) <= 100.000001");
                    table.CheckConstraint("CK_ShareAssessments_UsShare_Range", "CAST(\"UsShare\" AS REAL) >= 0 AND CAST(\"UsShare\" AS REAL) <= 100");
                    table.ForeignKey(
                        name: "FK_ShareAssessments_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ShareAssessments_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorObservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOfPrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorObservations", x => x.Id);
                    table.CheckConstraint("CK_IndicatorObservations_Confidence", "\"Confidence\" IN ('high', 'medium', 'low')");
                    table.ForeignKey(
                        name: "FK_IndicatorObservations_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorObservations_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 24, scale: 6, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.CheckConstraint("CK_Targets_Key", "length(trim(\"Key\")) > 0");
                    table.CheckConstraint("CK_Targets_OneSeries", "(\"AreaId\" IS NULL) <> (\"IndicatorId\" IS NULL)");
                    table.CheckConstraint("CK_Targets_Rationale", "length(trim(\"Rationale\")) > 0");
                    table.CheckConstraint("CK_Targets_ShareRange", "\"AreaId\" IS NULL OR (CAST(\"Value\" AS REAL) >= 0 AND CAST(\"Value\" AS REAL) <= 100)");
                    table.ForeignKey(
                        name: "FK_Targets_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Key",
                table: "Areas",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_IndicatorId_AsOf",
                table: "IndicatorObservations",
                columns: new[] { "IndicatorId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorObservations_SourceId",
                table: "IndicatorObservations",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_AreaId",
                table: "Indicators",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Key",
                table: "Indicators",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_AreaId",
                table: "Milestones",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_Due",
                table: "Milestones",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_SourceId",
                table: "Milestones",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_AreaId_AsOf",
                table: "ShareAssessments",
                columns: new[] { "AreaId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareAssessments_SourceId",
                table: "ShareAssessments",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Key",
                table: "Sources",
                column: "Key",
                unique: true);

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
                name: "IX_Targets_SourceId",
                table: "Targets",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatasetInfo");

            migrationBuilder.DropTable(
                name: "IndicatorObservations");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ShareAssessments");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Areas");
        }
    }
}
