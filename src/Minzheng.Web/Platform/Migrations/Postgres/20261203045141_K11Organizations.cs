using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K11Organizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_recovery",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "payments_recovery",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_line",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "payments_line",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "entitlement_period",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "entitlement_period",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "access_user",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "registry_organization",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    platform_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_pinyin = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    name_initials = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    legal_representative_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    legal_representative_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    bank_account_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    bank_account_masked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_organization", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_organization_persons_legal_representative_person_id",
                        column: x => x.legal_representative_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "registry_organization_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    former_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_organization_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_organization_event_registry_organization_organizat",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_line_payee_organization_id",
                table: "payments_line",
                column: "payee_organization_id",
                filter: "payee_organization_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_entitlement_period_payee_organization_id_program",
                table: "entitlement_period",
                columns: new[] { "payee_organization_id", "program" },
                filter: "payee_organization_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_entitlement_period_payee",
                table: "entitlement_period",
                sql: "(payee_person_id IS NULL) <> (payee_organization_id IS NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_access_user_organization_id",
                table: "access_user",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_credit_code",
                table: "registry_organization",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_division_code_name",
                table: "registry_organization",
                columns: new[] { "division_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_legal_representative_person_id",
                table: "registry_organization",
                column: "legal_representative_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_name",
                table: "registry_organization",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_name_initials",
                table: "registry_organization",
                column: "name_initials");

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_name_pinyin",
                table: "registry_organization",
                column: "name_pinyin");

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_platform_number",
                table: "registry_organization",
                column: "platform_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_organization_event_organization_id_effective_on",
                table: "registry_organization_event",
                columns: new[] { "organization_id", "effective_on" });

            migrationBuilder.AddForeignKey(
                name: "fk_access_user_organizations_organization_id",
                table: "access_user",
                column: "organization_id",
                principalTable: "registry_organization",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_access_user_organizations_organization_id",
                table: "access_user");

            migrationBuilder.DropTable(
                name: "registry_organization_event");

            migrationBuilder.DropTable(
                name: "registry_organization");

            migrationBuilder.DropIndex(
                name: "ix_payments_line_payee_organization_id",
                table: "payments_line");

            migrationBuilder.DropIndex(
                name: "ix_entitlement_period_payee_organization_id_program",
                table: "entitlement_period");

            migrationBuilder.DropCheckConstraint(
                name: "ck_entitlement_period_payee",
                table: "entitlement_period");

            migrationBuilder.DropIndex(
                name: "ix_access_user_organization_id",
                table: "access_user");

            migrationBuilder.DropColumn(
                name: "payee_organization_id",
                table: "payments_recovery");

            migrationBuilder.DropColumn(
                name: "payee_organization_id",
                table: "payments_line");

            migrationBuilder.DropColumn(
                name: "payee_organization_id",
                table: "entitlement_period");

            migrationBuilder.DropColumn(
                name: "organization_id",
                table: "access_user");

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_recovery",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_line",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "entitlement_period",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
