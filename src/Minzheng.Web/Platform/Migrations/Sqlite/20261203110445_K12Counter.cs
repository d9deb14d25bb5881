using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K12Counter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "assistance_income_item",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "person_id",
                table: "assistance_income_item");
        }
    }
}
