using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K14Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "address_confirmed",
                table: "socorg_annual_report",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "concluded_by",
                table: "socorg_annual_report",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conclusion_reasons",
                table: "socorg_annual_report",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "council_meetings",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "events_held",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "expenditure_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "full_time_staff",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_donations_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_dues_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_government_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_other_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "income_services_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "main_activities",
                table: "socorg_annual_report",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "management_costs_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "members",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "net_assets_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "part_time_staff",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "party_organization",
                table: "socorg_annual_report",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "pre_review_opinion",
                table: "socorg_annual_report",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "pre_review_passed",
                table: "socorg_annual_report",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "public_welfare_spending_fen",
                table: "socorg_annual_report",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "socorg_annual_report",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "returned_on",
                table: "socorg_annual_report",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sanction_document",
                table: "socorg_annual_report",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sanctions",
                table: "socorg_annual_report",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "services",
                table: "socorg_annual_report",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "social_workers",
                table: "socorg_annual_report",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "address_confirmed",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "concluded_by",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "conclusion_reasons",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "council_meetings",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "events_held",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "expenditure_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "full_time_staff",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_donations_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_dues_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_government_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_other_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "income_services_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "main_activities",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "management_costs_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "members",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "net_assets_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "part_time_staff",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "party_organization",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "pre_review_opinion",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "pre_review_passed",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "public_welfare_spending_fen",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "returned_on",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "sanction_document",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "sanctions",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "services",
                table: "socorg_annual_report");

            migrationBuilder.DropColumn(
                name: "social_workers",
                table: "socorg_annual_report");
        }
    }
}
