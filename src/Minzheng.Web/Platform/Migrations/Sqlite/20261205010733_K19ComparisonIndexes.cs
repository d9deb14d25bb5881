using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    /// <remarks>
    /// Issue 19 item 2 (ADR 073): the indexes the one-pass comparison plans read. IF NOT EXISTS because K19PayrollLines, generated
    /// while these were already in the model, created them in a first version of its files.
    /// </remarks>
    public partial class K19ComparisonIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // the registry side of every rule read from the index alone
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_registry_person_division_code_life_status_id_id_number_hash_birth_date_disability_grade_disability_category ON registry_person (division_code, life_status, id, id_number_hash, birth_date, disability_grade, disability_category)");
            // disabled people only: the subsidy rules start from them
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_registry_person_division_code_disability_grade_disability_category_life_status_id ON registry_person (division_code, disability_grade, disability_category, life_status, id) WHERE disability_grade IS NOT NULL");
            // household benefits by household: "does the household have a running dibao"
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_entitlement_period_household_id_program_from_month_to_month ON entitlement_period (household_id, program, from_month, to_month) WHERE household_id IS NOT NULL AND beneficiary_person_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_entitlement_period_household_id_program_from_month_to_month");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_registry_person_division_code_disability_grade_disability_category_life_status_id");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_registry_person_division_code_life_status_id_id_number_hash_birth_date_disability_grade_disability_category");
        }
    }
}
