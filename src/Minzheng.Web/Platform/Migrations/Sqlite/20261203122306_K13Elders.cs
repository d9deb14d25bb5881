using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13Elders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "elderly_age_allowance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    found_month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    band_min_age = table.Column<int>(type: "INTEGER", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    from_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_elderly_age_allowance", x => x.id);
                    table.ForeignKey(
                        name: "fk_elderly_age_allowance_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_age_allowance_division_code_status",
                table: "elderly_age_allowance",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_elderly_age_allowance_number",
                table: "elderly_age_allowance",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_elderly_age_allowance_person_id",
                table: "elderly_age_allowance",
                column: "person_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "elderly_age_allowance");
        }
    }
}
