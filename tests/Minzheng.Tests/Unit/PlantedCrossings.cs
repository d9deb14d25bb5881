// Types planted in the kernel's and a module's namespaces (in the test assembly only) so that ModuleBoundaryTests can prove
// its check fails on a crossing that appears only inside a method body.
#pragma warning disable CA1812, IDE0051 // never instantiated: only their IL is read

namespace Minzheng.Web.Platform.Planted
{
    internal sealed class KernelThatCallsAModule
    {
        public static void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
            Minzheng.Web.Modules.Payments.PaymentsModule.AddPayments(services);
    }
}

namespace Minzheng.Web.Modules.Funeral.Planted
{
    internal sealed class ModuleThatUsesAnotherModule
    {
        public static string Name() => typeof(Minzheng.Web.Modules.Assistance.AssistancePermissions).Name;

        public static string Program() => typeof(Minzheng.Web.Modules.Assistance.Contracts.AssistancePrograms).Name;
    }

    internal sealed class ModuleWithAnotherModulesParameter
    {
        public static object Of(Minzheng.Web.Modules.Payments.PayrollService payrolls) => payrolls;
    }
}
