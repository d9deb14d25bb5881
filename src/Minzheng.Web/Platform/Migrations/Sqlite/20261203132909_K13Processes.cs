using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K13Processes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // hand-written data step (keep when regenerating): every 高龄津贴 row becomes a workflow case with its timeline (ADR 035)
            Minzheng.Web.Platform.Migrations.DataSteps.AgeAllowanceUpgrade.MoveToWorkflow(migrationBuilder);
            // and every star rating (ADR 035)
            Minzheng.Web.Platform.Migrations.DataSteps.StarRatingUpgrade.MoveToWorkflow(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // the status column still holds each row's state: the cases and their timelines are dropped
            migrationBuilder.Sql("DELETE FROM workflow_case WHERE process_code IN ('elderly-age-allowance', 'elderly-star-rating');");
        }
    }
}
