using System.Text.RegularExpressions;
using TimerGrid.Gateway.Hosting;
using TimerGrid.Tests.Fixtures;
using YamlDotNet.RepresentationModel;
using static TimerGrid.Tests.Deployment.Yaml;

namespace TimerGrid.Tests.Deployment;

/// <summary>k8s/monitoring/ and the scrape annotations must agree with what a node serves at <c>/metrics</c>.</summary>
public sealed partial class MonitoringManifestTests
{
    [Fact]
    public async Task AlertRules_NameOnlyMetricsANodeExports()
    {
        var expressions = Load("monitoring/prometheus-rules.yaml").SelectMany(rules => Sequence(Mapping(rules, "spec"), "groups"))
            .SelectMany(group => Sequence(group, "rules")).Select(rule => Text(rule, "expr")).ToList();
        var named = expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet();
        await using var node = await ProcessNode.StartAsync();
        var http = node.Http;
        await http.CreateRouteAsync("alerts", "broken", node.Receiver.UrlFor("broken", _ => new WebhookReceiver.Answer(500)));

        await http.CreateJobAsync("alerts", "c", "dead", RestCalls.Now, "broken");   // a fire, retries, a dead letter

        await http.WaitForStatusAsync("/job/alerts/c/dead", "failed");
        var exported = (await PrometheusScrape.ReadAsync(http)).Names;
        Assert.True(expressions.Count >= 4, $"only {expressions.Count} rules");
        Assert.Contains("timergrid_lateness_seconds_bucket", named);
        Assert.All(named, name => Assert.Contains(name, exported));
    }

    [Theory]
    [InlineData("silo.yaml")]
    [InlineData("gateway.yaml")]
    public void Pods_AreAnnotatedForScrapingTheMetricsPathOnTheHttpPort(string file)
    {
        var template = Mapping(Load(file).Single(d => Text(d, "kind") == "Deployment"), "spec", "template");
        var annotations = Mapping(template, "metadata", "annotations");
        var http = Sequence(Sequence(Mapping(template, "spec"), "containers").Single(), "ports").Single(p => Text(p, "name") == "http");

        Assert.Equal("true", Text(annotations, "prometheus.io/scrape"));
        Assert.Equal(Text(http, "containerPort"), Text(annotations, "prometheus.io/port"));
        Assert.Equal(TimerGridTelemetryBuilderExtensions.MetricsPath, Text(annotations, "prometheus.io/path"));
    }

    [Fact]
    public void PodMonitor_ScrapesTheMetricsPathOfSilosAndGateways()
    {
        var spec = Mapping(Load("monitoring/pod-monitor.yaml").Single(), "spec");
        var endpoint = Sequence(spec, "podMetricsEndpoints").Single();
        var apps = Scalars(Sequence(Mapping(spec, "selector"), "matchExpressions").Single(), "values");

        Assert.Equal(TimerGridTelemetryBuilderExtensions.MetricsPath, Text(endpoint, "path"));
        Assert.Equal("http", Text(endpoint, "port"));
        Assert.Equal(["timergrid-silo", "timergrid-gateway"], apps);
        var kustomization = Load("monitoring/kustomization.yaml").Single();
        Assert.Equal(["pod-monitor.yaml", "prometheus-rules.yaml"], Scalars(kustomization, "resources").Order());
    }

    [GeneratedRegex(@"\b(timergrid|orleans)_[a-z_]+\b")]
    private static partial Regex MetricName();
}
