<?xml version="1.0" encoding="UTF-8"?>
<!-- common.xsl: maps what every document kind shares (inline text, paragraphs, lists, tables) to the print vocabulary. -->
<!--
  Input: a compiled tree (urn:csdoc:1, prefix s, with urn:csdoc:compiled:1
  additions, prefix c).  Output: schemas/print.xsd (urn:csdoc:print:1), which
  the typesetter lays out knowing nothing of minutes or agreements.
  Every name, date, label and figure is printed from a c: attribute.

  Whitespace: the print vocabulary has no CSS to collapse spaces, so text
  is normalised here: runs of white space become one space, and the white
  space at the start and end of a paragraph is dropped.
  Mixed content (s:li, s:cell) is cut into blocks: each run of inline
  nodes becomes one para, each s:p / s:ul / s:table… its own block.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:csdoc:print:1"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:strip-space elements="s:registry s:attendance s:present s:apologies
      s:in-attendance s:observers s:table s:row s:ul s:ol s:quote
      s:action-updates s:carried s:declarations c:register"/>

  <!-- Grey of shaded cells and rows (shade="yes"). -->
  <xsl:variable name="shade" select="'#e6e6e6'"/>
  <!-- Grey of secondary text; 7.9:1 on white. -->
  <xsl:variable name="muted" select="'#4b5358'"/>

  <!-- ============================================================ pages -->

  <!-- One A4 portrait master with a running header and footer; the
       four slots are result fragments (text and page-number/page-count). -->
  <!-- The source's folder (csdoc passes it): pictures are read from there. -->
  <xsl:param name="source-dir" select="'.'"/>

  <xsl:template name="page-master">
    <xsl:param name="name" select="'page'"/>
    <xsl:param name="header-left"/>
    <xsl:param name="header-right"/>
    <xsl:param name="footer-left"/>
    <xsl:param name="footer-right"/>
    <page-master name="{$name}" size="A4" orientation="portrait"
        margin-top-mm="22" margin-bottom-mm="22"
        margin-left-mm="20" margin-right-mm="20">
      <header>
        <left><xsl:copy-of select="$header-left"/></left>
        <right><xsl:copy-of select="$header-right"/></right>
      </header>
      <footer>
        <left><xsl:copy-of select="$footer-left"/></left>
        <right><xsl:copy-of select="$footer-right"/></right>
      </footer>
    </page-master>
  </xsl:template>

  <!-- ============================================================ inline -->

  <!-- A text node: white space runs become one space; none is kept at the
       start or end of an inline run (see starts-run, ends-run). -->
  <xsl:template match="text()">
    <xsl:variable name="n" select="normalize-space(.)"/>
    <xsl:variable name="lead" select="translate(substring(., 1, 1), '&#9;&#10;&#13;', '   ') = ' '"/>
    <xsl:variable name="trail" select="translate(substring(., string-length(.)), '&#9;&#10;&#13;', '   ') = ' '"/>
    <xsl:variable name="first">
      <xsl:call-template name="starts-run"/>
    </xsl:variable>
    <xsl:variable name="last">
      <xsl:call-template name="ends-run"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$n = ''">
        <xsl:if test="$first = '' and $last = ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$lead and $first = ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$n"/>
        <xsl:if test="$trail and $last = ''"><xsl:text> </xsl:text></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'y' when the context node opens its inline run: nothing inline
       before it in its parent, and its parent is not itself inline. -->
  <xsl:template name="starts-run">
    <xsl:variable name="prev" select="preceding-sibling::node()[self::* or self::text()][1]"/>
    <xsl:choose>
      <xsl:when test="$prev[self::text() or self::s:em or self::s:strong or self::s:u
          or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
          or self::s:name or self::s:date or self::s:abbr or self::s:figure]"/>
      <xsl:when test="parent::s:em or parent::s:strong or parent::s:u or parent::s:sup
          or parent::s:sub or parent::s:a or parent::s:q or parent::s:abbr">
        <xsl:for-each select="..">
          <xsl:call-template name="starts-run"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>y</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'y' when the context node closes its inline run. -->
  <xsl:template name="ends-run">
    <xsl:variable name="next" select="following-sibling::node()[self::* or self::text()][1]"/>
    <xsl:choose>
      <xsl:when test="$next[self::text() or self::s:em or self::s:strong or self::s:u
          or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
          or self::s:name or self::s:date or self::s:abbr or self::s:figure]"/>
      <xsl:when test="parent::s:em or parent::s:strong or parent::s:u or parent::s:sup
          or parent::s:sub or parent::s:a or parent::s:q or parent::s:abbr">
        <xsl:for-each select="..">
          <xsl:call-template name="ends-run"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>y</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:em"><i><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="s:strong"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="s:u"><u><xsl:apply-templates/></u></xsl:template>
  <xsl:template match="s:sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="s:sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="s:br"><br/></xsl:template>

  <!-- Links: http, https and mailto addresses become PDF links; #id links
       only when this stylesheet gives that id to a block (see has-target);
       a relative path means nothing inside a PDF, so its text is printed
       as plain text. -->
  <xsl:template match="s:a">
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <xsl:variable name="target">
      <xsl:if test="starts-with($href, '#')">
        <xsl:call-template name="has-target">
          <xsl:with-param name="id" select="substring($href, 2)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($href, 'http://') or starts-with($href, 'https://')
          or starts-with($href, 'mailto:') or $target = 'y'">
        <link href="{$href}"><xsl:apply-templates/></link>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- override: 'y' when a block of this document carries the id. -->
  <xsl:template name="has-target">
    <xsl:param name="id"/>
    <xsl:if test="//s:p[@id = $id] | //s:table[@id = $id] | //s:ul[@id = $id]
        | //s:ol[@id = $id] | //s:heading[@id = $id] | //s:quote[@id = $id]
        | //s:chart[@id = $id]">y</xsl:if>
  </xsl:template>

  <xsl:template match="s:q">
    <xsl:text>“</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>”</xsl:text>
    <xsl:if test="@c:by-name">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="@c:by-name"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:name">
    <xsl:value-of select="@c:display"/>
  </xsl:template>

  <xsl:template match="s:date">
    <xsl:value-of select="@c:display"/>
  </xsl:template>

  <!-- In print an abbreviation is spelt out at its first use: "Community
       Safety Partnership (CSP)". -->
  <xsl:template match="s:abbr">
    <xsl:choose>
      <xsl:when test="@c:first = 'yes' and @c:title">
        <xsl:value-of select="@c:title"/>
        <xsl:text> (</xsl:text>
        <xsl:apply-templates/>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A picture, from the file csdoc checked, at its width in points. -->
  <xsl:template match="s:image">
    <image src="{concat($source-dir, '/', @src)}" alt="{@alt}" width="{format-number(@width-mm * 72 div 25.4, '0.##')}" align="{@align}"/>
  </xsl:template>

  <!-- The glossary as a closing table of abbreviations. -->
  <xsl:template match="s:glossary">
    <heading level="2" space-before="18">Abbreviations</heading>
    <table borders="rows" widths="20 80">
      <xsl:for-each select="s:term">
        <xsl:sort select="@abbr"/>
        <row>
          <cell header="yes" scope="row"><para bold="yes"><xsl:value-of select="@abbr"/></para></cell>
          <cell><para><xsl:value-of select="normalize-space(.)"/></para></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- A figure prints what csdoc decided: the stated words or the computed value. -->
  <xsl:template match="s:figure">
    <xsl:value-of select="@c:display"/>
  </xsl:template>

  <!-- ============================================================ blocks -->

  <!-- Copies an author's id onto the block being written (a link target). -->
  <xsl:template name="copy-id">
    <xsl:if test="@id">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:p">
    <para space-after="6">
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates/>
    </para>
  </xsl:template>

  <!-- override: the level (1-6) of the heading that opens the section the
       context node is in; s:heading is one level below it. -->
  <xsl:template name="section-rank">
    <xsl:value-of select="1"/>
  </xsl:template>

  <xsl:template match="s:heading">
    <xsl:variable name="rank">
      <xsl:call-template name="section-rank"/>
    </xsl:variable>
    <heading size="10.5" space-before="8" space-after="3">
      <xsl:attribute name="level">
        <xsl:choose>
          <xsl:when test="$rank &gt;= 6">6</xsl:when>
          <xsl:otherwise><xsl:value-of select="$rank + 1"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates/>
    </heading>
  </xsl:template>

  <xsl:template match="s:quote">
    <box role="BlockQuote" indent="18" space-before="4" space-after="6">
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates select="s:p"/>
      <xsl:if test="@c:by-name">
        <para colour="{$muted}">
          <xsl:text>— </xsl:text>
          <xsl:value-of select="@c:by-name"/>
        </para>
      </xsl:if>
    </box>
  </xsl:template>

  <xsl:template match="s:ul">
    <list label-width="14" space-after="6">
      <xsl:call-template name="copy-id"/>
      <xsl:for-each select="s:li">
        <item label="•"><xsl:call-template name="mixed-blocks"/></item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <xsl:template match="s:ol">
    <list space-after="6">
      <xsl:attribute name="label-width">
        <xsl:call-template name="label-width">
          <xsl:with-param name="labels" select="s:li/@c:label"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="copy-id"/>
      <xsl:for-each select="s:li">
        <item label="{@c:label}"><xsl:call-template name="mixed-blocks"/></item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <!-- A label column wide enough for the longest of LABELS ("iii.",
       "Item 12"), in points at the body size. -->
  <xsl:template name="label-width">
    <xsl:param name="labels"/>
    <xsl:choose>
      <xsl:when test="$labels[string-length(.) &gt; 6]">48</xsl:when>
      <xsl:when test="$labels[string-length(.) &gt; 4]">40</xsl:when>
      <xsl:when test="$labels[string-length(.) &gt; 2]">26</xsl:when>
      <xsl:otherwise>20</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The content of an element that mixes inline nodes and blocks
       (s:li, s:cell), as blocks: each inline run becomes one para. -->
  <xsl:template name="mixed-blocks">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::s:p or self::s:ul or self::s:ol or self::s:table
            or self::s:quote or self::s:heading or self::s:image or self::s:chart">
          <xsl:apply-templates select="."/>
        </xsl:when>
        <xsl:when test="self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure">
          <xsl:variable name="first">
            <xsl:call-template name="starts-run"/>
          </xsl:variable>
          <xsl:if test="$first = 'y'">
            <xsl:variable name="run">
              <xsl:apply-templates select="." mode="run"/>
            </xsl:variable>
            <xsl:if test="normalize-space($run) != ''">
              <para><xsl:copy-of select="$run"/></para>
            </xsl:if>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- One inline run: this node, then the next sibling while it is inline. -->
  <xsl:template match="node()" mode="run">
    <xsl:apply-templates select="."/>
    <xsl:variable name="last">
      <xsl:call-template name="ends-run"/>
    </xsl:variable>
    <xsl:if test="$last = ''">
      <xsl:apply-templates select="following-sibling::node()[self::* or self::text()][1]" mode="run"/>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ tables -->

  <xsl:template match="s:table">
    <table space-before="4" space-after="8">
      <xsl:attribute name="borders">
        <xsl:choose>
          <xsl:when test="@borders"><xsl:value-of select="@borders"/></xsl:when>
          <xsl:otherwise>grid</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <!-- Widths only when the author fixed every column's share. -->
      <xsl:if test="not(s:column[not(@width)])">
        <xsl:attribute name="widths">
          <xsl:for-each select="s:column">
            <xsl:if test="position() != 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="translate(@width, '%', '')"/>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="copy-id"/>
      <xsl:if test="s:caption">
        <caption><xsl:apply-templates select="s:caption/node()"/></caption>
      </xsl:if>
      <xsl:if test="not(@headings = 'no')">
        <row header="yes">
          <xsl:for-each select="s:column">
            <cell>
              <xsl:if test="@c:align">
                <xsl:attribute name="align"><xsl:value-of select="@c:align"/></xsl:attribute>
              </xsl:if>
              <xsl:if test="normalize-space(.) != '' or *">
                <para><xsl:apply-templates/></para>
              </xsl:if>
            </cell>
          </xsl:for-each>
        </row>
      </xsl:if>
      <xsl:apply-templates select="s:row"/>
    </table>
      <xsl:if test="@c:note">
      <para size="9" italic="yes" space-before="0" space-after="8"><xsl:value-of select="@c:note"/></para>
    </xsl:if>
  </xsl:template>

  <!-- Total rows bold; heading rows bold, their cells TH. -->
  <xsl:template match="s:row">
    <row>
      <xsl:if test="@kind = 'total' or @kind = 'heading'">
        <xsl:attribute name="bold">yes</xsl:attribute>
      </xsl:if>
      <xsl:if test="@shade = 'yes'">
        <xsl:attribute name="shade"><xsl:value-of select="$shade"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="s:cell"/>
    </row>
  </xsl:template>

  <xsl:template match="s:cell">
    <cell>
      <xsl:if test="@colspan &gt; 1">
        <xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@rowspan &gt; 1">
        <xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@c:align">
        <xsl:attribute name="align"><xsl:value-of select="@c:align"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@shade = 'yes'">
        <xsl:attribute name="shade"><xsl:value-of select="$shade"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="@c:header = 'yes'">
        <xsl:attribute name="header">yes</xsl:attribute>
        <xsl:if test="not(@colspan &gt; 1)">
          <xsl:attribute name="scope">row</xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:choose>
        <!-- an empty cell of a figure column shows what csdoc computed -->
        <xsl:when test="@c:fig-id and normalize-space(.) = ''">
          <para><xsl:value-of select="@c:display"/></para>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="mixed-blocks"/>
        </xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <!-- A plain cell holding TEXT as one para (empty text: an empty cell). -->
  <xsl:template name="text-cell">
    <xsl:param name="text"/>
    <xsl:param name="align"/>
    <xsl:param name="header"/>
    <cell>
      <xsl:if test="$align != ''">
        <xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$header = 'row'">
        <xsl:attribute name="header">yes</xsl:attribute>
        <xsl:attribute name="scope">row</xsl:attribute>
      </xsl:if>
      <xsl:if test="normalize-space($text) != ''">
        <para><xsl:copy-of select="$text"/></para>
      </xsl:if>
    </cell>
  </xsl:template>

  <!-- ============================================================ charts -->

  <!-- A chart: its caption, bold and kept with it, then the shapes csdoc
       drew once (c:graphic, the same as the HTML's SVG) in the print
       vocabulary, with the text alternative for the tagged Figure. -->
  <xsl:template match="s:chart">
    <para bold="yes" keep-with-next="yes" space-before="6" space-after="4">
      <xsl:call-template name="copy-id"/>
      <xsl:apply-templates select="s:caption/node()"/>
    </para>
    <xsl:for-each select="c:graphic">
      <graphic width="{@width}" height="{@height}" alt="{@alt}" space-after="10">
        <xsl:apply-templates select="*" mode="graphic"/>
      </graphic>
    </xsl:for-each>
  </xsl:template>

  <!-- rect, line, circle, text: the names and attributes are print.xsd's already. -->
  <xsl:template match="c:*" mode="graphic">
    <xsl:element name="{local-name()}" namespace="urn:csdoc:print:1">
      <xsl:copy-of select="@*"/>
      <xsl:value-of select="."/>
    </xsl:element>
  </xsl:template>

  <!-- Elements csdoc adds print only where a kind's stylesheet asks. -->
  <xsl:template match="c:*"/>

</xsl:stylesheet>
