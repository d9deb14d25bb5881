using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I20Faces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sealed_as",
                table: "file_stored",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "face_sample",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    photo_file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    descriptor = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: false),
                    model_version = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    detection_score = table.Column<double>(type: "REAL", nullable: false),
                    taken_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    taken_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_sample", x => x.id);
                    table.ForeignKey(
                        name: "fk_face_sample_files_photo_file_id",
                        column: x => x.photo_file_id,
                        principalTable: "file_stored",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "face_match_review",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    probe_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    candidate_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    distance = table.Column<double>(type: "REAL", nullable: false),
                    decision = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_match_review", x => x.id);
                    table.ForeignKey(
                        name: "fk_face_match_review_face_sample_candidate_id",
                        column: x => x.candidate_id,
                        principalTable: "face_sample",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_face_match_review_face_sample_probe_id",
                        column: x => x.probe_id,
                        principalTable: "face_sample",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_face_match_review_candidate_id",
                table: "face_match_review",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_face_match_review_probe_id_candidate_id",
                table: "face_match_review",
                columns: new[] { "probe_id", "candidate_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_model_version_division_code",
                table: "face_sample",
                columns: new[] { "model_version", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_photo_file_id",
                table: "face_sample",
                column: "photo_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_face_sample_source_subject_id",
                table: "face_sample",
                columns: new[] { "source", "subject_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "face_match_review");

            migrationBuilder.DropTable(
                name: "face_sample");

            migrationBuilder.DropColumn(
                name: "sealed_as",
                table: "file_stored");
        }
    }
}
