using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K15Stays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "alert_raised_on",
                table: "rescue_stay",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "limit_passed_on",
                table: "rescue_stay",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "placed_on",
                table: "rescue_stay",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "placement",
                table: "rescue_stay",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "room",
                table: "rescue_stay",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "source_reference",
                table: "rescue_stay",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rescue_return",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stay_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    mode = table.Column<int>(type: "INTEGER", nullable: false),
                    ticket_mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fare_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    escorts = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    collector_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    collector_relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    collector_id_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_return", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_return_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rescue_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stay_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cash_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    receipt_signed = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rescue_service", x => x.id);
                    table.ForeignKey(
                        name: "fk_rescue_service_rescue_stay_stay_id",
                        column: x => x.stay_id,
                        principalTable: "rescue_stay",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rescue_return_stay_id",
                table: "rescue_return",
                column: "stay_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rescue_service_stay_id",
                table: "rescue_service",
                column: "stay_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rescue_return");

            migrationBuilder.DropTable(
                name: "rescue_service");

            migrationBuilder.DropColumn(
                name: "alert_raised_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "limit_passed_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "placed_on",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "placement",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "room",
                table: "rescue_stay");

            migrationBuilder.DropColumn(
                name: "source_reference",
                table: "rescue_stay");
        }
    }
}
