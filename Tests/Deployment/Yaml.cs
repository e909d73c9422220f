using YamlDotNet.RepresentationModel;

namespace TimerGrid.Tests.Deployment;

/// <summary>Reading the manifests under k8s/: documents of a file, and the nodes along a path of keys.</summary>
internal static class Yaml
{
    public static readonly string K8s = Path.Combine(Fixtures.RepositoryRoot.Path, "k8s");

    /// <summary>The documents of a file under k8s/.</summary>
    public static List<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(K8s, file));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static YamlMappingNode Mapping(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => (YamlMappingNode)current.Children[new YamlScalarNode(key)]);

    public static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlMappingNode>();

    public static IEnumerable<string> Scalars(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!);

    public static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
