using System.Reflection;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>
/// ARCHITECTURE.md: a module depends on the kernel (Platform) only, never on another module's types or tables. Checked over
/// every signature a type exposes or consumes (base types, interfaces, fields, properties, constructor and method
/// parameters, return types, generic arguments), which is where a dependency on another module's services or entities
/// shows. Modules talk through kernel contracts (entitlements, IPaymentLedger, IDeathHandler, IPersonPanel).
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Prefix = "Minzheng.Web.Modules.";

    private static string? ModuleOf(Type? t) =>
        t?.Namespace is { } ns && ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;

    private static IEnumerable<Type> Expand(Type t)
    {
        yield return t;
        if (t.HasElementType) foreach (var e in Expand(t.GetElementType()!)) yield return e;
        if (t.IsGenericType) foreach (var a in t.GetGenericArguments().SelectMany(Expand)) yield return a;
    }

    private static IEnumerable<Type> Referenced(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (t.BaseType is { } b) yield return b;
        foreach (var i in t.GetInterfaces()) yield return i;
        foreach (var f in t.GetFields(all)) yield return f.FieldType;
        foreach (var p in t.GetProperties(all)) yield return p.PropertyType;
        foreach (var c in t.GetConstructors(all)) foreach (var p in c.GetParameters()) yield return p.ParameterType;
        foreach (var m in t.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
        }
    }

    [Fact]
    public void Modules_depend_on_the_kernel_only()
    {
        var types = typeof(AppDbContext).Assembly.GetTypes().Where(t => ModuleOf(t) is not null && ModuleOf(t) != "ModuleSetup").ToList();
        Assert.NotEmpty(types);
        var violations = types
            .SelectMany(t => Referenced(t).SelectMany(Expand).Select(r => (From: t, To: r)))
            .Where(x => ModuleOf(x.To) is { } to && to != ModuleOf(x.From))
            .Select(x => $"{x.From.FullName} → {x.To.FullName}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "module boundary crossed:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_a_crossing()
    {
        // the test above must be able to fail: a type of one module referring to another's is reported
        var crossing = Referenced(typeof(Crossing)).SelectMany(Expand).Where(r => ModuleOf(r) is not null).ToList();
        Assert.Contains(typeof(Minzheng.Web.Modules.Payments.PayrollService), crossing);
    }

    private sealed class Crossing(Minzheng.Web.Modules.Payments.PayrollService payrolls)
    {
        public Minzheng.Web.Modules.Payments.PayrollService Payrolls { get; } = payrolls;
    }
}
