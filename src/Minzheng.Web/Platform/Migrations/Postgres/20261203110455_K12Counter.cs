using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
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
                type: "uuid",
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
