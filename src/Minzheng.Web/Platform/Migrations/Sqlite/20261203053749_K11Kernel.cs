using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K11Kernel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "area",
                table: "platform_figure",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "factor",
                table: "platform_figure",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "platform_figure",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "percent",
                table: "platform_figure",
                type: "TEXT",
                precision: 7,
                scale: 3,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_recovery",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "payments_recovery",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_line",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "payments_line",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "entitlement_period",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "payee_organization_id",
                table: "entitlement_period",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organization_id",
                table: "access_user",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_job",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    unique_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    payload_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    progress_message = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    cancel_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    identity_json = table.Column<string>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    run_after = table.Column<DateTime>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_job", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_number_counter",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_number = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_number_counter", x => new { x.scope, x.year });
                });

            migrationBuilder.CreateTable(
                name: "registry_organization",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    platform_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_pinyin = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    name_initials = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    legal_representative_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    legal_representative_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    bank_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    bank_account_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    bank_account_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    bank_account_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    former_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_organization_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_organization_event_registry_organization_organization_id",
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
                name: "ix_platform_job_status_created_at",
                table: "platform_job",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_platform_job_subject_id",
                table: "platform_job",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_job_unique_key",
                table: "platform_job",
                column: "unique_key",
                unique: true,
                filter: "status IN (1, 2)");

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

            // data step (hand-written, kept across regeneration): move every standard into the figure book, then drop the old tables
            Minzheng.Web.Platform.Figures.FigureBookUpgrade.MoveStandards(migrationBuilder);

            migrationBuilder.DropTable(
                name: "assistance_standard");
            migrationBuilder.DropTable(
                name: "child_standard");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_access_user_organizations_organization_id",
                table: "access_user");

            migrationBuilder.DropTable(
                name: "platform_job");

            migrationBuilder.DropTable(
                name: "platform_number_counter");

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
                name: "area",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "factor",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "note",
                table: "platform_figure");

            migrationBuilder.DropColumn(
                name: "percent",
                table: "platform_figure");

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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "payments_line",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "payee_person_id",
                table: "entitlement_period",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "assistance_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    factor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    percent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 3, nullable: true),
                    program = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_standard", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "child_standard",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    choice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_standard", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_standard_program_kind_division_code_valid_from",
                table: "assistance_standard",
                columns: new[] { "program", "kind", "division_code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_child_standard_kind_division_code_valid_from",
                table: "child_standard",
                columns: new[] { "kind", "division_code", "valid_from" });
        }
    }
}
