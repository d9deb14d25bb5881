using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K16TimeBank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "volunteer_timebank_account",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    system_role = table.Column<int>(type: "integer", nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    balance = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_account", x => x.id);
                    table.CheckConstraint("ck_volunteer_timebank_account_balance", "balance >= 0 OR system_role = 1");
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_txn",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    service_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reverses_txn_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: true),
                    provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    booked_at_division = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_txn", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_relative",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relative_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relation = table.Column<int>(type: "integer", nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    household_checked = table.Column<bool>(type: "boolean", nullable: false),
                    proof = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_relative", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_relative_volunteer_timebank_account_acco",
                        column: x => x.account_id,
                        principalTable: "volunteer_timebank_account",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_timebank_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    txn_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    balance_after = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteer_timebank_entry", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_entry_volunteer_timebank_account_account",
                        column: x => x.account_id,
                        principalTable: "volunteer_timebank_account",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_volunteer_timebank_entry_volunteer_timebank_txn_txn_id",
                        column: x => x.txn_id,
                        principalTable: "volunteer_timebank_txn",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_division_code",
                table: "volunteer_timebank_account",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_person_id",
                table: "volunteer_timebank_account",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_system_role",
                table: "volunteer_timebank_account",
                column: "system_role",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_account_team_id",
                table: "volunteer_timebank_account",
                column: "team_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_entry_account_id_txn_id",
                table: "volunteer_timebank_entry",
                columns: new[] { "account_id", "txn_id" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_entry_txn_id",
                table: "volunteer_timebank_entry",
                column: "txn_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_relative_account_id_relative_person_id",
                table: "volunteer_timebank_relative",
                columns: new[] { "account_id", "relative_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_relative_division_code",
                table: "volunteer_timebank_relative",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_at",
                table: "volunteer_timebank_txn",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_reverses_txn_id",
                table: "volunteer_timebank_txn",
                column: "reverses_txn_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_volunteer_timebank_txn_service_record_id",
                table: "volunteer_timebank_txn",
                column: "service_record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteer_timebank_entry");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_relative");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_txn");

            migrationBuilder.DropTable(
                name: "volunteer_timebank_account");
        }
    }
}
