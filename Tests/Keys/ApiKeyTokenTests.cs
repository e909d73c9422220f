using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Tests.Keys;

/// <summary>Key material: random, carries its id, hashed for storage; anything else shaped otherwise has no id.</summary>
public sealed class ApiKeyTokenTests
{
    [Fact]
    public void Create_MakesDistinctKeysThatCarryTheirId()
    {
        var (id, key) = ApiKeyToken.Create();
        var (otherId, otherKey) = ApiKeyToken.Create();

        Assert.NotEqual(id, otherId);
        Assert.NotEqual(key, otherKey);
        Assert.True(ApiKeyToken.TryGetId(key, out var parsed));
        Assert.Equal(id, parsed);
        Assert.True(ApiKeyToken.IsId(id));
        Assert.Equal(64, ApiKeyToken.Hash(key).Length);
        Assert.NotEqual(ApiKeyToken.Hash(key), ApiKeyToken.Hash(otherKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tg_0123456789abcdef")]
    [InlineData("tg_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xx_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tg_0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tg_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryGetId_OtherShapes_HaveNoId(string token)
    {
        Assert.False(ApiKeyToken.TryGetId(token, out _));
    }
}
