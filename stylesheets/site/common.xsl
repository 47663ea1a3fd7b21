<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl: what the site's own pages share — the page skeleton, dates in words, the names of kinds. -->
<!--
  The site pages are made from the site's manifest (csdoc site writes it):
  one <doc> per document with its partnership (@body, @slug), kind, ISO
  date, title, status and page (the path of its outputs without the
  extension), and the actions of minutes.  "up" is the way from the page
  being made to the site's root ("" or "../").

  A web team wraps every site page in its own header and footer by
  overriding the named templates site-header and site-footer (empty here).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:param name="up" select="''"/>
  <xsl:param name="partnership" select="''"/>

  <xsl:variable name="site-title">
    <xsl:choose>
      <xsl:when test="/manifest/@title"><xsl:value-of select="/manifest/@title"/></xsl:when>
      <xsl:otherwise>Community safety documents</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Overridable: the web team's banner and footer around every site page. -->
  <xsl:template name="site-header"/>
  <xsl:template name="site-footer"/>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="content"/>
    <html lang="en-GB">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="csdoc"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$up}site.css"/>
        <link rel="alternate" type="application/atom+xml" href="{$up}feed.atom" title="{$site-title}: new documents"/>
      </head>
      <body class="site">
        <a class="skip-link" href="#content">Skip to content</a>
        <xsl:call-template name="site-header"/>
        <header class="site-header">
          <p class="site-name"><a href="{$up}index.html"><xsl:value-of select="$site-title"/></a></p>
        </header>
        <main id="content">
          <xsl:copy-of select="$content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:text>Built on </xsl:text>
            <xsl:call-template name="date-words">
              <xsl:with-param name="iso" select="/manifest/@built"/>
            </xsl:call-template>
            <xsl:text> with csdoc. </xsl:text>
            <a href="{$up}feed.atom">New documents as an Atom feed</a>
            <xsl:text>.</xsl:text>
          </p>
        </footer>
        <xsl:call-template name="site-footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- 2010-11-17 → 17 November 2010; anything else as it is. -->
  <xsl:template name="date-words">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10 and substring($iso, 5, 1) = '-'">
        <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
        <xsl:value-of select="number(substring($iso, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring-before(substring-after(
            '|1January|2February|3March|4April|5May|6June|7July|8August|9September|10October|11November|12December|',
            concat('|', $m)), '|')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($iso, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The words for a kind's folder name. -->
  <xsl:template name="kind-words">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'minutes'">Minutes</xsl:when>
      <xsl:when test="$kind = 'agreements'">Community Safety Agreements</xsl:when>
      <xsl:when test="$kind = 'reports'">Board papers</xsl:when>
      <xsl:when test="$kind = 'performance'">Performance reports</xsl:when>
      <xsl:when test="$kind = 'packs'">Meeting packs</xsl:when>
      <xsl:otherwise>Documents</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
