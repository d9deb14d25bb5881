using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_user",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    must_change_password = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_day",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_off_day = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_day", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "division",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    is_urban = table.Column<bool>(type: "INTEGER", nullable: true),
                    pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    alternative_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_division", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "file_stored",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    relative_path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_stored", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_batch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    headers_json = table.Column<string>(type: "TEXT", nullable: false),
                    mapping_json = table.Column<string>(type: "TEXT", nullable: false),
                    total_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    processed_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    error_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    committed_people = table.Column<int>(type: "INTEGER", nullable: false),
                    committed_households = table.Column<int>(type: "INTEGER", nullable: false),
                    only_valid_rows = table.Column<bool>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_batch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_row_error",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line = table.Column<int>(type: "INTEGER", nullable: false),
                    column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_row_error", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_setting",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_setting", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "registry_person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id_number_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    id_number_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    platform_number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name_pinyin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_initials = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sex = table.Column<int>(type: "INTEGER", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    hukou_type = table.Column<int>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    phone_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    disability_certificate_cipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    disability_certificate_masked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    disability_category = table.Column<int>(type: "INTEGER", nullable: true),
                    disability_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    life_status = table.Column<int>(type: "INTEGER", nullable: false),
                    death_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    missing_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_person", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    process_version = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state_entered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    step_due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clock_started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_due_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_process",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_process", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_role_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_role_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_role_claim_access_role_role_id",
                        column: x => x.role_id,
                        principalTable: "access_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_user_claim_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_login",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_login", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_access_user_login_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_role",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_access_user_role_access_role_role_id",
                        column: x => x.role_id,
                        principalTable: "access_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_access_user_role_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_token",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_user_token", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_access_user_token_access_user_user_id",
                        column: x => x.user_id,
                        principalTable: "access_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_household",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    head_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_household", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_household_persons_head_person_id",
                        column: x => x.head_person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "workflow_case_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    from_state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    to_state = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_case_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_case_event_workflow_case_case_id",
                        column: x => x.case_id,
                        principalTable: "workflow_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_household_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    relation = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    left_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_household_member", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_household_member_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "registry_person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_registry_household_member_registry_household_household_id",
                        column: x => x.household_id,
                        principalTable: "registry_household",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_attachment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_attachment", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_attachment_workflow_case_event_event_id",
                        column: x => x.event_id,
                        principalTable: "workflow_case_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "access_role",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_role_claim_role_id",
                table: "access_role_claim",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "access_user",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "access_user",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_user_claim_user_id",
                table: "access_user_claim",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_user_login_user_id",
                table: "access_user_login",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_user_role_role_id",
                table: "access_user_role",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_division_name",
                table: "division",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_division_parent_code",
                table: "division",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_import_batch_division_code_created_at",
                table: "import_batch",
                columns: new[] { "division_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_row_error_batch_id_line",
                table: "import_row_error",
                columns: new[] { "batch_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_division_code",
                table: "registry_household",
                column: "division_code");

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_head_person_id",
                table: "registry_household",
                column: "head_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_number",
                table: "registry_household",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_household_member_household_id_left_on",
                table: "registry_household_member",
                columns: new[] { "household_id", "left_on" });

            migrationBuilder.CreateIndex(
                name: "ux_registry_household_member_current",
                table: "registry_household_member",
                column: "person_id",
                unique: true,
                filter: "left_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_division_code_name",
                table: "registry_person",
                columns: new[] { "division_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_id_number_hash",
                table: "registry_person",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name",
                table: "registry_person",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name_initials",
                table: "registry_person",
                column: "name_initials");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_name_pinyin",
                table: "registry_person",
                column: "name_pinyin");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_phone_hash",
                table: "registry_person",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_registry_person_platform_number",
                table: "registry_person",
                column: "platform_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_attachment_event_id",
                table: "workflow_attachment",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_attachment_file_id",
                table: "workflow_attachment",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_closed_at_case_due_date",
                table: "workflow_case",
                columns: new[] { "closed_at", "case_due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_closed_at_step_due_date",
                table: "workflow_case",
                columns: new[] { "closed_at", "step_due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_division_code_closed_at",
                table: "workflow_case",
                columns: new[] { "division_code", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_subject_type_subject_id",
                table: "workflow_case",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_case_event_case_id_at",
                table: "workflow_case_event",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_process_code_version",
                table: "workflow_process",
                columns: new[] { "code", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_role_claim");

            migrationBuilder.DropTable(
                name: "access_user_claim");

            migrationBuilder.DropTable(
                name: "access_user_login");

            migrationBuilder.DropTable(
                name: "access_user_role");

            migrationBuilder.DropTable(
                name: "access_user_token");

            migrationBuilder.DropTable(
                name: "calendar_day");

            migrationBuilder.DropTable(
                name: "division");

            migrationBuilder.DropTable(
                name: "file_stored");

            migrationBuilder.DropTable(
                name: "import_batch");

            migrationBuilder.DropTable(
                name: "import_row_error");

            migrationBuilder.DropTable(
                name: "platform_setting");

            migrationBuilder.DropTable(
                name: "registry_household_member");

            migrationBuilder.DropTable(
                name: "workflow_attachment");

            migrationBuilder.DropTable(
                name: "workflow_process");

            migrationBuilder.DropTable(
                name: "access_role");

            migrationBuilder.DropTable(
                name: "access_user");

            migrationBuilder.DropTable(
                name: "registry_household");

            migrationBuilder.DropTable(
                name: "workflow_case_event");

            migrationBuilder.DropTable(
                name: "registry_person");

            migrationBuilder.DropTable(
                name: "workflow_case");
        }
    }
}
