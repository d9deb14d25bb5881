using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K14Credit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "fine_fen",
                table: "socorg_credit_event",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "socorg_credit_objection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    correction_event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_credit_objection", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_credit_objection_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_socorg_credit_objection_socorg_credit_event_event_id",
                        column: x => x.event_id,
                        principalTable: "socorg_credit_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "socorg_credit_publication",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    authority_division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_socorg_credit_publication", x => x.id);
                    table.ForeignKey(
                        name: "fk_socorg_credit_publication_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "registry_organization",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_division_code_status",
                table: "socorg_credit_objection",
                columns: new[] { "division_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_event_id",
                table: "socorg_credit_objection",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_objection_organization_id_event_id",
                table: "socorg_credit_objection",
                columns: new[] { "organization_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_publication_effective_on_action",
                table: "socorg_credit_publication",
                columns: new[] { "effective_on", "action" });

            migrationBuilder.CreateIndex(
                name: "ix_socorg_credit_publication_organization_id_effective_on",
                table: "socorg_credit_publication",
                columns: new[] { "organization_id", "effective_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "socorg_credit_objection");

            migrationBuilder.DropTable(
                name: "socorg_credit_publication");

            migrationBuilder.DropColumn(
                name: "fine_fen",
                table: "socorg_credit_event");
        }
    }
}
