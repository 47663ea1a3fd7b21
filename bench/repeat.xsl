<?xml version="1.0" encoding="UTF-8"?>
<!-- repeat.xsl: a source N times as long — its items (minutes) or sections (an agreement) again and again — for measuring how csdoc's cost grows with a document. -->
<!-- Copies after the first rename every id (id-K), print their figures as
     plain text and keep their tables' typed values without the columns'
     formulas, so ids stay unique and no formula needs renaming; items
     holding the attendance are not repeated.  An agreement's copies follow
     its last section while it keeps to 100 sections (the schema's most);
     beyond that each section's copies are sub-sections at its end. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1">
  <xsl:param name="n" select="10"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:variable name="flat" select="count(/s:agreement/s:section) * $n &lt;= 100"/>

  <!-- after the last item of the original, the copies -->
  <xsl:template match="/s:*/s:item[not(following-sibling::s:item)]">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
    <xsl:call-template name="copies">
      <xsl:with-param name="k" select="2"/>
      <xsl:with-param name="of" select="/s:*/s:item[not(.//s:attendance)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- an agreement's copies: after its last section, or each section's
       at its own end -->
  <xsl:template match="/s:agreement/s:section">
    <xsl:choose>
      <xsl:when test="$flat">
        <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
        <xsl:if test="not(following-sibling::s:section)">
          <xsl:call-template name="copies">
            <xsl:with-param name="k" select="2"/>
            <xsl:with-param name="of" select="/s:agreement/s:section"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
          <xsl:call-template name="copies">
            <xsl:with-param name="k" select="2"/>
            <xsl:with-param name="of" select="."/>
          </xsl:call-template>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="copies">
    <xsl:param name="k"/>
    <xsl:param name="of"/>
    <xsl:if test="$k &lt;= $n">
      <xsl:apply-templates select="$of" mode="copy">
        <xsl:with-param name="k" select="$k"/>
      </xsl:apply-templates>
      <xsl:call-template name="copies">
        <xsl:with-param name="k" select="$k + 1"/>
        <xsl:with-param name="of" select="$of"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="@*|node()" mode="copy">
    <xsl:param name="k"/>
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" mode="copy">
        <xsl:with-param name="k" select="$k"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="@id" mode="copy">
    <xsl:param name="k"/>
    <xsl:attribute name="id"><xsl:value-of select="concat(., '-', $k)"/></xsl:attribute>
  </xsl:template>

  <!-- fixed numbers and references would be given twice -->
  <xsl:template match="@compute | @total-compute | s:section/@number | s:activity/@ref" mode="copy"/>

  <xsl:template match="s:figure" mode="copy">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
