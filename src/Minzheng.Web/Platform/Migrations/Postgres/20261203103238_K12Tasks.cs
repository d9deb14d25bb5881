using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K12Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_work_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    stamp = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    assigned_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    escalated_to_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    escalated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    escalated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_work_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_work_item_ack",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stamp = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_work_item_ack", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_assignee_id",
                table: "platform_work_item",
                column: "assignee_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_escalated_to_division",
                table: "platform_work_item",
                column: "escalated_to_division");

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_key",
                table: "platform_work_item",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_work_item_ack_user_id_key",
                table: "platform_work_item_ack",
                columns: new[] { "user_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_work_item");

            migrationBuilder.DropTable(
                name: "platform_work_item_ack");
        }
    }
}
