using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecurityKernel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "bank_account_cipher",
                table: "registry_person",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "bank_account_hash",
                table: "registry_person",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_account_masked",
                table: "registry_person",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bank_name",
                table: "registry_person",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    changes = table.Column<string>(type: "text", nullable: true),
                    chain_index = table.Column<long>(type: "bigint", nullable: true),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_bank_account_hash",
                table: "registry_person",
                column: "bank_account_hash");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_at",
                table: "audit_entry",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_chain_index",
                table: "audit_entry",
                column: "chain_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_entity_type_entity_id",
                table: "audit_entry",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_user_name",
                table: "audit_entry",
                column: "user_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropIndex(
                name: "ix_registry_person_bank_account_hash",
                table: "registry_person");

            migrationBuilder.DropColumn(
                name: "bank_account_cipher",
                table: "registry_person");

            migrationBuilder.DropColumn(
                name: "bank_account_hash",
                table: "registry_person");

            migrationBuilder.DropColumn(
                name: "bank_account_masked",
                table: "registry_person");

            migrationBuilder.DropColumn(
                name: "bank_name",
                table: "registry_person");
        }
    }
}
