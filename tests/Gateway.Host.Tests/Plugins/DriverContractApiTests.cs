using System.Reflection;
using System.Text;
using Gateway.Drivers;

namespace Gateway.Host.Tests.Plugins;

/// <summary>
/// The driver contract's public surface, recorded in drivers/Gateway.Drivers.Abstractions/PublicAPI.txt: any change to it
/// fails here until the record is updated in the same change, so a breaking change is always a visible, reviewed one
/// (and raises <see cref="DriverContract.Version"/> when it removes or changes a member).
/// </summary>
public sealed class DriverContractApiTests
{
    private static string RecordPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../drivers/Gateway.Drivers.Abstractions/PublicAPI.txt"));

    [Fact]
    public void PublicSurface_MatchesTheRecord()
    {
        var actual = Describe(typeof(DriverContract).Assembly);
        var path = RecordPath();
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var recorded = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        var added = actual.Split('\n').Except(recorded.Split('\n')).ToArray();
        var removed = recorded.Split('\n').Except(actual.Split('\n')).ToArray();
        Assert.True(
            added.Length == 0 && removed.Length == 0,
            $"The driver contract's public API changed. Review, then run the tests with UPDATE_PUBLIC_API=1 to record it.\n"
            + $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            var bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(Enum) && b != typeof(ValueType))
                .Concat(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic))
                .Select(t => Name(t!)).Order(StringComparer.Ordinal).ToArray();
            lines.Add($"{kind} {Name(type)}{(bases.Length > 0 ? " : " + string.Join(", ", bases) : string.Empty)}");
            if (type.IsEnum)
            {
                lines.AddRange(Enum.GetNames(type).Select(n => $"  {n} = {Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)}"));
                continue;
            }

            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m switch
                {
                    MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName || method is ConstructorInfo { IsPublic: true } or ConstructorInfo { IsFamily: true },
                    PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily),
                    FieldInfo field => field.IsPublic || field.IsFamily,
                    EventInfo e => e.AddMethod?.IsPublic == true,
                    _ => false,
                })
                .Select(Member)
                .Where(m => !m.Contains("<Clone>$", StringComparison.Ordinal) && !m.Contains("EqualityContract", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{(m.IsAbstract ? "abstract " : m.IsVirtual && !m.IsFinal ? "virtual " : string.Empty)}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(Name)) + ">" : string.Empty)}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ get;{(p.SetMethod is { IsPublic: true } set ? (set.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? " init;" : " set;") : string.Empty)} }}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => member.Name,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue is string text ? $"\"{text}\"" : p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef || type.IsArray)
        {
            return Name(type.GetElementType()!) + (type.IsByRef ? "&" : "[]");
        }

        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
            return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }

        return type.FullName ?? type.Name;
    }
}
