using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    found_month = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    band_min_age = table.Column<int>(type: "integer", nullable: true),
                    monthly_amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    from_month = table.Column<DateOnly>(type: "date", nullable: true),
                    last_month = table.Column<DateOnly>(type: "date", nullable: true),
                    explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    refusal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
