<?xml version="1.0" encoding="UTF-8"?>
<!-- text.xsl: the running text of a compiled tree, one paragraph a line, to find in the PDF's text. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1" xmlns:c="urn:csdoc:compiled:1">
  <xsl:output method="text" encoding="UTF-8"/>

  <!-- paragraphs and item titles outside tables: their words run on in the PDF text -->
  <xsl:template match="/">
    <xsl:for-each select="//s:p[not(ancestor::s:table)] | //s:item/s:title">
      <xsl:variable name="t"><xsl:apply-templates mode="text"/></xsl:variable>
      <xsl:value-of select="normalize-space($t)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="s:date | s:name | s:figure" mode="text"><xsl:value-of select="@c:display"/></xsl:template>
  <!-- quoted words are printed in quotation marks with the speaker after them -->
  <xsl:template match="s:q" mode="text">
    <xsl:text>“</xsl:text><xsl:apply-templates mode="text"/><xsl:text>”</xsl:text>
    <xsl:if test="@c:by-name"> (<xsl:value-of select="@c:by-name"/>)</xsl:if>
  </xsl:template>
  <!-- the PDF spells an abbreviation out at its first use -->
  <xsl:template match="s:abbr" mode="text">
    <xsl:if test="@c:first = 'yes' and @c:title"><xsl:value-of select="@c:title"/> (</xsl:if>
    <xsl:apply-templates mode="text"/>
    <xsl:if test="@c:first = 'yes' and @c:title">)</xsl:if>
  </xsl:template>
  <xsl:template match="s:br" mode="text"><xsl:text> </xsl:text></xsl:template>
  <!-- a footnote's citation prints its mark -->
  <xsl:template match="s:fn" mode="text"><xsl:value-of select="@c:mark"/></xsl:template>
  <!-- a cross-reference prints its label; a page number is not known here,
       so the words on either side of one are looked for apart (run.sh
       breaks the line at ¦) -->
  <xsl:template match="s:xref" mode="text">
    <xsl:choose>
      <xsl:when test="@form = 'page'"><xsl:text>¦</xsl:text></xsl:when>
      <xsl:when test="@form = 'both'"><xsl:value-of select="@c:text"/><xsl:text>¦</xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="@c:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="text"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
