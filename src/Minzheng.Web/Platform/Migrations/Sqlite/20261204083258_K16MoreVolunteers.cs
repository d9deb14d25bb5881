using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K16MoreVolunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "guardian_consent_on",
                table: "volunteer_profile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_consent_recorded_by",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_name",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guardian_relationship",
                table: "volunteer_profile",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "guardian_consent_on",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_consent_recorded_by",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_name",
                table: "volunteer_profile");

            migrationBuilder.DropColumn(
                name: "guardian_relationship",
                table: "volunteer_profile");
        }
    }
}
