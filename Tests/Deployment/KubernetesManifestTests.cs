using TimerGrid.Gateway.Auth;
using TimerGrid.Gateway.Health;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Telemetry;
using TimerGrid.Silo.Hosting;
using TimerGrid.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static TimerGrid.Tests.Deployment.Yaml;

namespace TimerGrid.Tests.Deployment;

/// <summary>The manifests in k8s/ must agree with the code: ports, variables, probe paths, configuration keys.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, Type> OptionsSections = new()
    {
        [TimerGridOptions.Section] = typeof(TimerGridOptions),
        [AuthOptions.Section] = typeof(AuthOptions),
        [TelemetryOptions.Section] = typeof(TelemetryOptions),
    };

    private readonly List<YamlMappingNode> _documents = LoadAll();

    [Fact]
    public void Kustomization_ListsEveryManifestInTheFolder()
    {
        var listed = Scalars(Load("kustomization.yaml")[0], "resources");
        var files = Directory.GetFiles(K8s, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");

        Assert.Equal(files.Order(), listed.Order());
    }

    [Theory]
    [InlineData("timergrid-silo")]
    [InlineData("timergrid-gateway")]
    public void Deployments_ConfigureOnlyKeysTheCodeReadsAndProbeItsHealthEndpoints(string name)
    {
        var container = Container(name);
        var env = Env(container);
        var ports = Sequence(container, "ports").ToDictionary(p => Text(p, "name"), p => int.Parse(Text(p, "containerPort")));

        foreach (var key in env.Keys.Where(k => k.StartsWith("TimerGrid__", StringComparison.Ordinal)))
        {
            Assert.True(IsReadByCode(key), $"{key} is not a property of an options section");
        }
        Assert.Equal("Postgres", Value(env["TimerGrid__Storage"]));
        Assert.Contains(ClusterEnvironment.ServiceIdVariable, env.Keys);
        Assert.Contains(ClusterEnvironment.ClusterIdVariable, env.Keys);
        Assert.Equal($"http://+:{ports["http"]}", Value(env["ASPNETCORE_URLS"]));
        Assert.Equal(HealthEndpoints.LivenessPath, Text(Mapping(Mapping(container, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal(HealthEndpoints.ReadinessPath, Text(Mapping(Mapping(container, "readinessProbe"), "httpGet"), "path"));
        AssertFromSecret(env["TimerGrid__ConnectionString"]);
        AssertFromSecret(env["TimerGrid__Auth__BootstrapKey"]);
    }

    [Fact]
    public void SiloDeployment_HasTheDownwardApiAndPortsTheSiloUses()
    {
        var silo = Container("timergrid-silo");
        var env = Env(silo);
        var ports = Sequence(silo, "ports").ToDictionary(p => Text(p, "name"), p => Text(p, "containerPort"));

        Assert.Equal("status.podIP", Text(Mapping(Mapping(env[ClusterEnvironment.PodIpVariable], "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal("metadata.name", Text(Mapping(Mapping(env["POD_NAME"], "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal(ports["silo"], Value(env["TimerGrid__SiloPort"]));
        Assert.Equal(ports["gateway"], Value(env["TimerGrid__GatewayPort"]));
        Assert.Equal(new TimerGridOptions().SiloPort.ToString(), ports["silo"]);
        Assert.Equal(new TimerGridOptions().GatewayPort.ToString(), ports["gateway"]);
        var grace = int.Parse(Text(Mapping(Mapping(Document("Deployment", "timergrid-silo"), "spec"), "template", "spec"), "terminationGracePeriodSeconds"));
        Assert.True(grace > TimerGridSiloHostExtensions.ShutdownTimeout.TotalSeconds, $"grace {grace} s must exceed the silo's shutdown timeout");
    }

    [Fact]
    public void SiloDisruptionBudget_AndGatewayService_SelectTheirPods()
    {
        var budget = Document("PodDisruptionBudget", "timergrid-silo");
        var service = Document("Service", "timergrid");

        Assert.Equal("timergrid-silo", Text(Mapping(Mapping(Mapping(budget, "spec"), "selector"), "matchLabels"), "app"));
        Assert.Equal("timergrid-gateway", Text(Mapping(Mapping(service, "spec"), "selector"), "app"));
        Assert.Equal("http", Text(Sequence(Mapping(service, "spec"), "ports").Single(), "targetPort"));
    }

    /// <summary>The variable's value comes from a key the manifests' Secret has.</summary>
    private void AssertFromSecret(YamlMappingNode envVar)
    {
        var secret = Mapping(Mapping(envVar, "valueFrom"), "secretKeyRef");
        Assert.True(Mapping(Document("Secret", Text(secret, "name")), "stringData").Children.ContainsKey(Text(secret, "key")));
    }

    /// <summary><c>TimerGrid__Section__Key</c> names a property of the options class bound to <c>TimerGrid:Section</c>.</summary>
    private static bool IsReadByCode(string variable)
    {
        var path = variable.Replace("__", ":", StringComparison.Ordinal);
        var colon = path.LastIndexOf(':');
        return OptionsSections.TryGetValue(path[..colon], out var type) && type.GetProperty(path[(colon + 1)..]) is not null;
    }

    private YamlMappingNode Container(string deployment) =>
        Sequence(Mapping(Mapping(Document("Deployment", deployment), "spec"), "template", "spec"), "containers").Single();

    private static Dictionary<string, YamlMappingNode> Env(YamlMappingNode container) =>
        Sequence(container, "env").ToDictionary(e => Text(e, "name"));

    private static string Value(YamlMappingNode envVar) => Text(envVar, "value");

    private YamlMappingNode Document(string kind, string name) =>
        _documents.Single(d => Text(d, "kind") == kind && Text(Mapping(d, "metadata"), "name") == name);

    private static List<YamlMappingNode> LoadAll() =>
        Directory.GetFiles(K8s, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => Load(Path.GetFileName(f))).ToList();
}
