using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K17Archive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geo_boundary_file",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    marker_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    document_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geo_boundary_file", x => x.id);
                    table.ForeignKey(
                        name: "fk_geo_boundary_file_files_file_id",
                        column: x => x.file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_geo_boundary_file_geo_boundary_line_line_id",
                        column: x => x.line_id,
                        principalTable: "geo_boundary_line",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_geo_boundary_file_geo_boundary_marker_marker_id",
                        column: x => x.marker_id,
                        principalTable: "geo_boundary_marker",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_file_file_id",
                table: "geo_boundary_file",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_file_line_id_kind",
                table: "geo_boundary_file",
                columns: new[] { "line_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_geo_boundary_file_marker_id",
                table: "geo_boundary_file",
                column: "marker_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geo_boundary_file");
        }
    }
}
