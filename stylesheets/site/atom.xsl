<?xml version="1.0" encoding="UTF-8"?>
<!-- atom.xsl: the site's Atom feed — every document as an entry, newest first, linking its page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2005/Atom">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- An Atom date from an ISO day; an undated document takes the build's day. -->
  <xsl:template name="stamp">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10 and substring($iso, 5, 1) = '-'">
        <xsl:value-of select="concat($iso, 'T00:00:00Z')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(/manifest/@built, 'T00:00:00Z')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/manifest">
    <feed xml:lang="en-GB">
      <title><xsl:value-of select="$site-title"/></title>
      <id>urn:csdoc:site</id>
      <link rel="alternate" type="text/html" href="index.html"/>
      <updated>
        <xsl:for-each select="doc[string-length(@date) = 10]">
          <xsl:sort select="@date" order="descending"/>
          <xsl:if test="position() = 1">
            <xsl:call-template name="stamp"><xsl:with-param name="iso" select="@date"/></xsl:call-template>
          </xsl:if>
        </xsl:for-each>
        <xsl:if test="not(doc[string-length(@date) = 10])">
          <xsl:call-template name="stamp"><xsl:with-param name="iso" select="@built"/></xsl:call-template>
        </xsl:if>
      </updated>
      <generator>csdoc</generator>
      <xsl:for-each select="doc">
        <xsl:sort select="@date" order="descending"/>
        <xsl:sort select="@href"/>
        <entry>
          <title><xsl:value-of select="@title"/></title>
          <id>urn:csdoc:doc:<xsl:value-of select="@href"/></id>
          <link rel="alternate" type="text/html" href="{@href}.html"/>
          <link rel="enclosure" type="application/pdf" href="{@href}.pdf"/>
          <updated>
            <xsl:call-template name="stamp"><xsl:with-param name="iso" select="@date"/></xsl:call-template>
          </updated>
          <author><name><xsl:value-of select="@body"/></name></author>
          <summary>
            <xsl:call-template name="kind-words"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@body"/>
            <xsl:if test="@status = 'draft'"> (draft)</xsl:if>
          </summary>
        </entry>
      </xsl:for-each>
    </feed>
  </xsl:template>

</xsl:stylesheet>
