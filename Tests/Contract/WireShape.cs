using System.Reflection;
using System.Text;

namespace TimerGrid.Tests.Contract;

/// <summary>
/// The version-tolerance surface of an assembly as text: each serialized type's alias with its members' field ids,
/// each enum's values, and each grain interface's method aliases: what a silo and a client of another version must agree on.
/// </summary>
internal static class WireShape
{
    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(IsContract).OrderBy(AliasOf, StringComparer.Ordinal))
        {
            text.Append(type.IsInterface ? "interface " : "type ").Append(AliasOf(type)).Append(" = ").AppendLine(type.FullName);
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").AppendLine(line);
            }
        }
        return text.ToString();
    }

    private static bool IsContract(Type type) =>
        type.GetCustomAttribute<GenerateSerializerAttribute>() is not null || (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type));

    private static string AliasOf(Type type) => type.GetCustomAttribute<AliasAttribute>()?.Alias ?? $"(no alias) {type.FullName}";

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Select(name => $"{Convert.ToInt64(Enum.Parse(type, name)),3} {name}");
        }
        if (type.IsInterface)
        {
            return type.GetMethods().Select(m =>
                $"{m.GetCustomAttribute<AliasAttribute>()?.Alias ?? "(no alias)"}: {Name(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType)))})");
        }
        return type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(m => (Member: m, Id: m.GetCustomAttribute<IdAttribute>()))
            .Where(m => m.Id is not null)
            .Select(m => $"{m.Id!.Id,3} {m.Member.Name}: {Name(m.Member is PropertyInfo p ? p.PropertyType : ((FieldInfo)m.Member).FieldType)}");
    }

    private static string Name(Type type) => type switch
    {
        _ when Nullable.GetUnderlyingType(type) is { } inner => Name(inner) + "?",
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>",
        _ => type.Name,
    };
}
