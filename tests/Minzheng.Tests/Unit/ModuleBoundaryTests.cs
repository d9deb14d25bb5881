using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>
/// ARCHITECTURE.md: the kernel (Platform) names no module, and a module depends on the kernel and on other modules' published
/// <c>Contracts</c> only, never on another module's services, entities or pages. Checked on the compiled assembly: every
/// signature a type exposes or consumes (base types, interfaces, fields, properties, parameters, return types, generic
/// arguments) AND every member its method bodies touch (calls, object creation, field access, <c>typeof</c>, casts — the IL
/// operands), for ordinary types, the compiler's closures and state machines, and the compiled Razor views (classified by
/// their .cshtml path). Only the composition root (<c>Modules/ModuleSetup.cs</c>, <c>Program</c>) sees everything.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ModulesPrefix = "Minzheng.Web.Modules.";
    private const string KernelPrefix = "Minzheng.Web.Platform";

    /// <summary>Who owns a type: ("kernel", null), ("module", name, isContract) or null for the framework and the composition root.</summary>
    private sealed record Owner(string Kind, string? Module = null, bool Contract = false);

    private static readonly Dictionary<Type, string> RazorPaths = typeof(AppDbContext).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(a => a.Type, a => a.Identifier);

    private static Owner? OwnerOf(Type t)
    {
        var outer = t;
        while (outer.DeclaringType is { } d) outer = d;
        if (RazorPaths.TryGetValue(outer, out var path))
        {
            // "/Modules/Assistance/Pages/Cases.cshtml", "/Platform/Ui/_Layout.cshtml"
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts[0] switch
            {
                "Platform" => new Owner("kernel"),
                "Modules" when parts.Length > 2 => new Owner("module", parts[1], parts[2] == "Contracts"),
                _ => null,
            };
        }
        return OwnerOfNamespace(t.Namespace);
    }

    private static Owner? OwnerOfNamespace(string? ns)
    {
        if (ns is null) return null;
        if (ns == KernelPrefix || ns.StartsWith(KernelPrefix + ".", StringComparison.Ordinal)) return new Owner("kernel");
        if (!ns.StartsWith(ModulesPrefix, StringComparison.Ordinal)) return null; // framework, Minzheng.Web (Program), Minzheng.Web.Modules (ModuleSetup)
        var parts = ns[ModulesPrefix.Length..].Split('.');
        return new Owner("module", parts[0], parts.Length > 1 && parts[1] == "Contracts");
    }

    /// <summary>Why <paramref name="from"/> may not refer to <paramref name="to"/>, or null when it may.</summary>
    private static string? Crossing(Type from, Type to)
    {
        if (OwnerOf(from) is not { } a || OwnerOf(to) is not { } b || b.Kind != "module") return null;
        if (a.Kind == "kernel") return "kernel → module";
        if (a.Module == b.Module || b.Contract) return null;
        return "module → another module's internals";
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        yield return t;
        if (t.HasElementType) foreach (var e in Expand(t.GetElementType()!)) yield return e;
        if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments().SelectMany(Expand)) yield return a;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> Signatures(Type t)
    {
        if (t.BaseType is { } b) yield return b;
        foreach (var i in t.GetInterfaces()) yield return i;
        foreach (var f in t.GetFields(All)) yield return f.FieldType;
        foreach (var p in t.GetProperties(All)) yield return p.PropertyType;
        foreach (var c in t.GetConstructors(All)) foreach (var p in c.GetParameters()) yield return p.ParameterType;
        foreach (var m in t.GetMethods(All))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
        }
    }

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

#pragma warning disable CA1810 // the opcode tables are filled once from the framework's own list
    static ModuleBoundaryTests()
#pragma warning restore CA1810
    {
        foreach (var f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)f.GetValue(null)!;
            var v = (ushort)op.Value;
            if (v < 0x100) OneByte[v] = op;
            else if ((v & 0xff00) == 0xfe00) TwoByte[v & 0xff] = op;
        }
    }

    /// <summary>The types every member token in the IL of <paramref name="method"/> names (declaring types, field and signature types).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method, List<string> unresolved)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var op = il[i] == 0xfe ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var token = BitConverter.ToInt32(il, i);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    unresolved.Add($"{method.DeclaringType?.FullName}.{method.Name} token 0x{token:x8}");
                }
                catch (TypeLoadException)
                {
                    unresolved.Add($"{method.DeclaringType?.FullName}.{method.Name} token 0x{token:x8}");
                }
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case FieldInfo f:
                        if (f.DeclaringType is { } fd) yield return fd;
                        yield return f.FieldType;
                        break;
                    case MethodBase m:
                        if (m.DeclaringType is { } md) yield return md;
                        if (m is MethodInfo mi)
                        {
                            yield return mi.ReturnType;
                            if (mi.IsGenericMethod) foreach (var g in mi.GetGenericArguments()) yield return g;
                        }
                        foreach (var p in m.GetParameters()) yield return p.ParameterType;
                        break;
                }
            }
            i += size;
        }
    }

    private static List<string> Violations(IEnumerable<Type> types, List<string> unresolved) =>
        types
            .SelectMany(t => Signatures(t)
                .Concat(t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)).SelectMany(m => BodyReferences(m, unresolved)))
                .SelectMany(Expand).Select(r => (From: t, To: r)))
            .Select(x => Crossing(x.From, x.To) is { } why ? $"{why}: {x.From.FullName} → {x.To.FullName}" : null)
            .OfType<string>().Distinct().ToList();

    [Fact]
    public void The_kernel_names_no_module_and_modules_use_only_each_others_contracts()
    {
        var types = typeof(AppDbContext).Assembly.GetTypes().Where(t => OwnerOf(t) is not null).ToList();
        Assert.Contains(types, t => OwnerOf(t)?.Kind == "kernel");
        Assert.Contains(types, t => RazorPaths.ContainsKey(t)); // the views are part of the check
        var unresolved = new List<string>();
        var violations = Violations(types, unresolved);
        Assert.True(unresolved.Count == 0, "IL tokens that could not be resolved (the check would be blind there):\n" + string.Join("\n", unresolved.Take(20)));
        Assert.True(violations.Count == 0, "boundary crossed:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_a_reference_planted_in_a_method_body()
    {
        // the test above must be able to fail: references that appear only inside method bodies are reported
        var unresolved = new List<string>();
        var kernel = Violations([typeof(Minzheng.Web.Platform.Planted.KernelThatCallsAModule)], unresolved);
        Assert.Contains(kernel, v => v.StartsWith("kernel → module", StringComparison.Ordinal) && v.Contains("PaymentsModule", StringComparison.Ordinal));
        var module = Violations([typeof(Minzheng.Web.Modules.Funeral.Planted.ModuleThatUsesAnotherModule)], unresolved);
        Assert.Contains(module, v => v.Contains("AssistancePermissions", StringComparison.Ordinal));
        Assert.DoesNotContain(module, v => v.Contains("AssistancePrograms", StringComparison.Ordinal)); // a contract is allowed
        // and in a signature
        var signature = Violations([typeof(Minzheng.Web.Modules.Funeral.Planted.ModuleWithAnotherModulesParameter)], unresolved);
        Assert.Contains(signature, v => v.Contains("PayrollService", StringComparison.Ordinal));
        Assert.Empty(unresolved);
    }

    [Fact]
    public void Every_module_declares_itself_and_its_tables_carry_its_prefix()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddModules();
        var declarations = builder.Services.Where(d => d.ServiceType == typeof(ModuleDeclaration)).Select(d => (ModuleDeclaration)d.ImplementationInstance!).ToList();
        var modules = typeof(AppDbContext).Assembly.GetTypes().Select(t => OwnerOfNamespace(t.Namespace)).Where(o => o?.Kind == "module").Select(o => o!.Module!).Distinct().ToList();
        Assert.Equal(modules.Order(), declarations.Select(d => d.Namespace[ModulesPrefix.Length..]).Order());

        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new SqliteAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
        var wrong = (from e in db.Model.GetEntityTypes()
                     let owner = OwnerOfNamespace(e.ClrType.Namespace)
                     where owner?.Kind == "module" && e.GetTableName() is not null
                     let declaration = declarations.Single(d => d.Namespace[ModulesPrefix.Length..] == owner.Module)
                     where !e.GetTableName()!.StartsWith(declaration.TablePrefix, StringComparison.Ordinal)
                     select $"{e.ClrType.Name} → {e.GetTableName()} (module {declaration.Key} declares {declaration.TablePrefix})").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var kernelTables = db.Model.GetEntityTypes().Where(e => OwnerOfNamespace(e.ClrType.Namespace)?.Kind == "kernel").Select(e => e.GetTableName()).OfType<string>().ToList();
        Assert.DoesNotContain(kernelTables, t => declarations.Any(d => t.StartsWith(d.TablePrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_permission_is_declared_once_and_granted_only_to_known_roles()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddModules();
        var declarations = builder.Services.Where(d => d.ServiceType == typeof(ModuleDeclaration)).Select(d => (ModuleDeclaration)d.ImplementationInstance!).ToList();
        var catalog = new PermissionCatalog(declarations);
        Assert.Equal(Permissions.Kernel.Count + declarations.Sum(d => d.Permissions.Count), catalog.Descriptions.Count);
        Assert.All(catalog.Descriptions, p => Assert.False(string.IsNullOrWhiteSpace(p.Value)));
        Assert.DoesNotContain(Permissions.CitizenApply, catalog.DefaultsOf(Roles.Administrator));
        Assert.Equal(catalog.Descriptions.Count - 1, catalog.DefaultsOf(Roles.Administrator).Count);
        // a module that grants a permission it does not declare is refused at startup
        var rogue = new ModuleDeclaration("rogue", typeof(ModuleBoundaryTests), "rogue_") { RoleGrants = new Dictionary<string, string[]> { [Roles.Finance] = ["rogue.x"] } };
        Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([.. declarations, rogue]));
    }
}
