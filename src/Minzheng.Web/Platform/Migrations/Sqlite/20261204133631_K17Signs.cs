using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K17Signs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geo_cleanup_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    found_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    use = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    standard_name_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    standard_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    found_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_cleanup_case", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_cleanup_case_geo_place_name_standard_name_id",
                        column: x => x.standard_name_id,
                        principalTable: "geo_place_name",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    place_name_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    material = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    installed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    condition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    last_inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_geo_place_name_place_name_id",
                        column: x => x.place_name_id,
                        principalTable: "geo_place_name",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign_check",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    condition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    repaired_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign_check", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_check_geo_name_sign_sign_id",
                        column: x => x.sign_id,
                        principalTable: "geo_name_sign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geo_name_sign_photo",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_name_sign_photo", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_photo_files_file_id",
                        column: x => x.file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_geo_name_sign_photo_geo_name_sign_sign_id",
                        column: x => x.sign_id,
                        principalTable: "geo_name_sign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_done_on_deadline",
                table: "geo_cleanup_case",
                columns: new[] { "done_on", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_number",
                table: "geo_cleanup_case",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_cleanup_case_standard_name_id",
                table: "geo_cleanup_case",
                column: "standard_name_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_division_code_condition",
                table: "geo_name_sign",
                columns: new[] { "division_code", "condition" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_number",
                table: "geo_name_sign",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_place_name_id",
                table: "geo_name_sign",
                column: "place_name_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_check_sign_id",
                table: "geo_name_sign_check",
                column: "sign_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_photo_file_id",
                table: "geo_name_sign_photo",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_name_sign_photo_sign_id",
                table: "geo_name_sign_photo",
                column: "sign_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_cleanup_case");

            migrationBuilder.DropTable(
                name: "geo_name_sign_check");

            migrationBuilder.DropTable(
                name: "geo_name_sign_photo");

            migrationBuilder.DropTable(
                name: "geo_name_sign");
        }
    }
}
