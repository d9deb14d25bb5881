using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K11Process : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // hand-written data step (keep when regenerating): opinions and per-step columns become workflow timelines
            Minzheng.Web.Platform.Workflow.ProcessUpgrade.MoveTimelines(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "opinions",
                table: "disability_subsidy");

            migrationBuilder.DropColumn(
                name: "confirmed_by",
                table: "child_allowance_case");

            migrationBuilder.DropColumn(
                name: "confirmed_on",
                table: "child_allowance_case");

            migrationBuilder.DropColumn(
                name: "review_opinion",
                table: "child_allowance_case");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "child_allowance_case");

            migrationBuilder.DropColumn(
                name: "reviewed_on",
                table: "child_allowance_case");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "opinions",
                table: "disability_subsidy",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "confirmed_by",
                table: "child_allowance_case",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "confirmed_on",
                table: "child_allowance_case",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_opinion",
                table: "child_allowance_case",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "child_allowance_case",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reviewed_on",
                table: "child_allowance_case",
                type: "TEXT",
                nullable: true);
        }
    }
}
