using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SuspendedSubsidyStaysOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_disability_subsidy_person_id_subsidy",
                table: "disability_subsidy");

            migrationBuilder.CreateIndex(
                name: "ix_disability_subsidy_person_id_subsidy",
                table: "disability_subsidy",
                columns: new[] { "person_id", "subsidy" },
                unique: true,
                filter: "status IN (1, 2, 3, 4, 5, 8)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_disability_subsidy_person_id_subsidy",
                table: "disability_subsidy");

            migrationBuilder.CreateIndex(
                name: "ix_disability_subsidy_person_id_subsidy",
                table: "disability_subsidy",
                columns: new[] { "person_id", "subsidy" },
                unique: true,
                filter: "status IN (1, 2, 3, 4, 5)");
        }
    }
}
