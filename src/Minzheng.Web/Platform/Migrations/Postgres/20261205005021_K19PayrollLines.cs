using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minzheng.Web.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class K19PayrollLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 076: payments_line rebuilt (PostgreSQL: partitioned by service month), its data carried over
            migrationBuilder.Sql(K19PayrollLinesSql.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // ADR 076: payments_line one plain table again, the explanation copied back onto the lines
            migrationBuilder.Sql(K19PayrollLinesSql.PostgresDown);
        }
    }
}
