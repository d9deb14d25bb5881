using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace Minzheng.Web.Platform.Data;

/// <summary>
/// EF Core's <c>IgnoreQueryFilters</c> is query-wide, not per source (dotnet/efcore#13668): a query that looks up a
/// person's name across the registry with <c>db.Persons.IgnoreQueryFilters([ScopeFilter])</c> and joins it to, say, the
/// recoveries loses the division scope on the recoveries too, and a township clerk sees the whole city. This guard refuses
/// to compile such a query: when any source of a query ignores the scope filter, every scope-filtered source in it must
/// ignore it explicitly too (so the author says so) — otherwise the scoped part is read in a query of its own, or through
/// an unscoped directory. It runs when a query shape is first compiled (EF caches the result), so it costs nothing per call.
/// </summary>
internal sealed class ScopeLeakGuard : IQueryExpressionInterceptor
{
    public static readonly ScopeLeakGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var finder = new Finder();
        finder.Visit(queryExpression);
        if (finder.Ignored.Count == 0) return queryExpression;
        var leaked = finder.Roots
            .Where(r => !finder.Ignored.Contains(r) && r.EntityType.GetDeclaredQueryFilters().Any(f => f.Key == AppDbContext.ScopeFilter))
            .Select(r => r.EntityType.ClrType.Name)
            .Distinct()
            .ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidOperationException(
                $"Division scope would be lost: this query ignores the scope filter on one source, which EF applies to the whole query, " +
                $"so {string.Join(", ", leaked)} would be read unscoped. Read the out-of-scope part in a separate query, or ignore the filter on every source deliberately.");
        }
        return queryExpression;
    }

    private sealed class Finder : ExpressionVisitor
    {
        public List<EntityQueryRootExpression> Roots { get; } = [];
        public HashSet<EntityQueryRootExpression> Ignored { get; } = new(ReferenceEqualityComparer.Instance);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions) && node.Method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters))
            {
                var source = node.Arguments[0];
                while (source is MethodCallExpression call && call.Arguments.Count > 0) source = call.Arguments[0];
                if (source is EntityQueryRootExpression root) Ignored.Add(root);
            }
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is EntityQueryRootExpression root) Roots.Add(root);
            return base.VisitExtension(node);
        }
    }
}
