using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K17 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geo_built_up_area",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    division_prefixes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_built_up_area", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "geo_place_name",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    specific_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    generic_name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    named_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    pinyin_overridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    pinyin_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    specific_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    meaning = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    history = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    geometry = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    geo_json = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    approval_document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    announced_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_place_name", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "geo_former_place_name",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    place_name_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    used_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    used_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_former_place_name", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_former_place_name_geo_place_name_place_name_id",
                        column: x => x.place_name_id,
                        principalTable: "geo_place_name",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_geo_former_place_name_name",
                table: "geo_former_place_name",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_geo_former_place_name_place_name_id",
                table: "geo_former_place_name",
                column: "place_name_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_division_code_category",
                table: "geo_place_name",
                columns: new[] { "division_code", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_name",
                table: "geo_place_name",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_named_division_code",
                table: "geo_place_name",
                column: "named_division_code");

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_pinyin_key",
                table: "geo_place_name",
                column: "pinyin_key");

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_specific_key",
                table: "geo_place_name",
                column: "specific_key");

            migrationBuilder.CreateIndex(
                name: "ix_geo_place_name_specific_name",
                table: "geo_place_name",
                column: "specific_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_built_up_area");

            migrationBuilder.DropTable(
                name: "geo_former_place_name");

            migrationBuilder.DropTable(
                name: "geo_place_name");
        }
    }
}
