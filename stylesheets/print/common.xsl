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
  <!-- Tables as a kind's stylesheet may set them: the type size of the
       cells, and the fill and text colour of header rows.  Empty: the
       typesetter's (the body size; a light grey fill, black text). -->
  <xsl:variable name="cell-size" select="''"/>
  <xsl:variable name="header-shade" select="''"/>
  <xsl:variable name="header-colour" select="''"/>
  <!-- The bullet of a list inside a list entry (a kind may set a dash, so
       that the levels differ by more than their indent). -->
  <xsl:variable name="inner-bullet" select="'•'"/>

  <!-- ============================================================ pages -->

  <!-- The source's folder (csdoc passes it): pictures are read from there. -->
  <xsl:param name="source-dir" select="'.'"/>

  <!-- An A4 master, portrait unless ORIENTATION says landscape, with a
       running header and footer; the four slots are result fragments
       (text and page-number/page-count).  RUNNING 'no' leaves both out,
       and TOP (mm) lowers the body, for a cover: the typesetter drops
       space before the first block of a page. -->
  <xsl:template name="page-master">
    <xsl:param name="name" select="'page'"/>
    <xsl:param name="orientation" select="'portrait'"/>
    <xsl:param name="running" select="'yes'"/>
    <xsl:param name="top" select="22"/>
    <xsl:param name="header-left"/>
    <xsl:param name="header-right"/>
    <xsl:param name="footer-left"/>
    <xsl:param name="footer-right"/>
    <page-master name="{$name}" size="A4" orientation="{$orientation}"
        margin-top-mm="{$top}" margin-bottom-mm="22"
        margin-left-mm="20" margin-right-mm="20">
      <xsl:if test="$running = 'yes'">
        <header>
          <left><xsl:copy-of select="$header-left"/></left>
          <right><xsl:copy-of select="$header-right"/></right>
        </header>
        <footer>
          <left><xsl:copy-of select="$footer-left"/></left>
          <right><xsl:copy-of select="$footer-right"/></right>
        </footer>
      </xsl:if>
    </page-master>
  </xsl:template>

  <!-- ============================================================ inline -->

  <!-- A text node as it is: the typesetter folds white space runs into one
       space and drops it at the ends of a block (typeset/inline.c), so
       folding here too only cost time. -->
  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- 'y' when the context node opens its inline run: nothing inline
       before it in its parent, and its parent is not itself inline. -->
  <xsl:template name="starts-run">
    <xsl:variable name="prev" select="preceding-sibling::node()[self::* or self::text()][1]"/>
    <xsl:choose>
      <xsl:when test="$prev[self::text() or self::s:em or self::s:strong or self::s:u
          or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
          or self::s:name or self::s:date or self::s:abbr or self::s:figure
          or self::s:fn or self::s:xref]"/>
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
          or self::s:name or self::s:date or self::s:abbr or self::s:figure
          or self::s:fn or self::s:xref]"/>
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
        | //s:chart[@id = $id] | //s:placeholder[@id = $id]
        | //s:footnote[@id = $id][@c:cited = 'yes']">y</xsl:if>
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

  <!-- A picture, from the file csdoc checked, at its width in points (the
       schema's defaults are not in the compiled tree: 40 mm, left). -->
  <xsl:template match="s:image">
    <image src="{concat($source-dir, '/', @src)}" alt="{@alt}">
      <xsl:attribute name="width">
        <xsl:choose>
          <xsl:when test="@width-mm"><xsl:value-of select="format-number(@width-mm * 72 div 25.4, '0.##')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="format-number(40 * 72 div 25.4, '0.##')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@align">
        <xsl:attribute name="align"><xsl:value-of select="@align"/></xsl:attribute>
      </xsl:if>
    </image>
  </xsl:template>

  <!-- The glossary as a closing table of abbreviations. -->
  <xsl:template match="s:glossary">
    <heading level="2" space-before="18">Abbreviations</heading>
    <xsl:call-template name="glossary-table"/>
  </xsl:template>

  <!-- The terms, sorted by abbreviation (the context is s:glossary);
       HEADINGS 'yes' puts a header row over them. -->
  <xsl:template name="glossary-table">
    <xsl:param name="headings" select="'no'"/>
    <table borders="rows" widths="20 80">
      <xsl:if test="$headings = 'yes'">
        <row header="yes">
          <xsl:call-template name="header-row-shade"/>
          <cell><para><xsl:call-template name="header-text"/>Abbreviation</para></cell>
          <cell><para><xsl:call-template name="header-text"/>Meaning</para></cell>
        </row>
      </xsl:if>
      <xsl:for-each select="s:term">
        <xsl:sort select="@abbr"/>
        <row>
          <cell header="yes" scope="row">
            <para bold="yes">
              <xsl:call-template name="cell-text">
                <xsl:with-param name="cell" select="true()"/>
              </xsl:call-template>
              <xsl:value-of select="@abbr"/>
            </para>
          </cell>
          <cell>
            <para>
              <xsl:call-template name="cell-text">
                <xsl:with-param name="cell" select="true()"/>
              </xsl:call-template>
              <xsl:value-of select="normalize-space(.)"/>
            </para>
          </cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- A figure prints what csdoc decided: the stated words or the computed value. -->
  <xsl:template match="s:figure">
    <xsl:value-of select="@c:display"/>
  </xsl:template>

  <!-- ============================================================ blocks -->

  <!-- Gives the block being written its anchor (a link target): the id
       csdoc gave the element (c:id, which cross-references name in
       c:target), else its author's. -->
  <xsl:template name="copy-id">
    <xsl:choose>
      <xsl:when test="@c:id">
        <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
      </xsl:when>
      <xsl:when test="@id">
        <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:p">
    <para space-after="6">
      <xsl:call-template name="cell-text"/>
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
    <!-- a run-in heading inside a part is no entry of a contents list -->
    <heading size="10.5" space-before="8" space-after="3" toc="no">
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
      <xsl:if test="@c:by-name or @source">
        <para colour="{$muted}">
          <xsl:text>— </xsl:text>
          <xsl:value-of select="@c:by-name"/>
          <!-- the speaker's post, as the HTML credits it -->
          <xsl:if test="@c:by-name and @c:by-post">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:by-post"/>
          </xsl:if>
          <xsl:if test="@c:by-name and @source">, </xsl:if>
          <xsl:value-of select="@source"/>
        </para>
      </xsl:if>
    </box>
  </xsl:template>

  <xsl:template match="s:ul">
    <list label-width="14" space-after="6">
      <xsl:call-template name="copy-id"/>
      <xsl:variable name="bullet">
        <xsl:choose>
          <xsl:when test="ancestor::s:li">
            <xsl:value-of select="$inner-bullet"/>
          </xsl:when>
          <xsl:otherwise>•</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:for-each select="s:li">
        <item label="{$bullet}"><xsl:call-template name="mixed-blocks"/></item>
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
       (s:li, s:cell), as blocks: each inline run becomes one para.  When
       the element is not itself inline (it never is in csdoc's schemas),
       runs start only at its first node and after each element that is
       not inline, so only those few nodes are visited: testing every node
       against the node before it cost the square of their number (a cell
       of 10,000 lines took a minute). -->
  <xsl:template name="mixed-blocks">
    <xsl:variable name="inline-parent" select="boolean(self::s:em or self::s:strong or self::s:u
        or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:abbr)"/>
    <xsl:choose>
      <xsl:when test="$inline-parent">
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::s:p or self::s:ul or self::s:ol or self::s:table
                or self::s:quote or self::s:heading or self::s:image or self::s:chart">
              <xsl:apply-templates select="."/>
            </xsl:when>
            <xsl:when test="self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref">
              <xsl:variable name="first">
                <xsl:call-template name="starts-run"/>
              </xsl:variable>
              <xsl:if test="$first = 'y'">
                <xsl:call-template name="run-para"/>
              </xsl:if>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <!-- Inline content only, with words in it (nearly every cell and
           item): one run, one para, written at once.  The general way
           below builds each run apart to find out whether it is only
           white space, which words rule out. -->
      <xsl:when test="normalize-space(.) != '' and not(*[not(self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref)])">
        <para>
          <xsl:call-template name="cell-text"/>
          <xsl:apply-templates/>
        </para>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="node()[self::* or self::text()][1] | *[not(self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref)]">
          <xsl:choose>
            <xsl:when test="self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref">
              <!-- the first node, inline: the run it starts -->
              <xsl:call-template name="run-para"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:if test="self::s:p or self::s:ul or self::s:ol or self::s:table
                  or self::s:quote or self::s:heading or self::s:image or self::s:chart">
                <xsl:apply-templates select="."/>
              </xsl:if>
              <xsl:for-each select="following-sibling::node()[self::* or self::text()][1][self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref]">
                <xsl:call-template name="run-para"/>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inline run the context node starts, as one para (none if it is
       only white space).  Under a parent that is not inline (always, in
       csdoc's schemas) the run is every node from this one to the next
       element that is not inline, chosen by position: following it
       sibling by sibling (mode run) nests one template call per node, and
       a cell of 10,000 lines broke libxslt's limit of 3,000 nested
       calls. -->
  <xsl:template name="run-para">
    <xsl:variable name="run">
      <xsl:choose>
        <xsl:when test="parent::s:em or parent::s:strong or parent::s:u or parent::s:sup
            or parent::s:sub or parent::s:a or parent::s:q or parent::s:abbr">
          <xsl:apply-templates select="." mode="run"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="from" select="count(preceding-sibling::node()) + 1"/>
          <xsl:variable name="stop" select="following-sibling::*[not(self::text() or self::s:em or self::s:strong or self::s:u
            or self::s:sup or self::s:sub or self::s:a or self::s:q or self::s:br
            or self::s:name or self::s:date or self::s:abbr or self::s:figure
            or self::s:fn or self::s:xref)][1]"/>
          <xsl:choose>
            <xsl:when test="$stop">
              <xsl:variable name="to" select="count($stop/preceding-sibling::node())"/>
              <xsl:apply-templates select="../node()[position() &gt;= $from and position() &lt;= $to]"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="../node()[position() &gt;= $from]"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="normalize-space($run) != ''">
      <para>
        <xsl:call-template name="cell-text"/>
        <xsl:copy-of select="$run"/>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- One inline run: this node, then the next sibling while it is inline.
       Under a parent that is not inline the next sibling is tested in
       place, as in mixed-blocks. -->
  <xsl:template match="node()" mode="run">
    <xsl:apply-templates select="."/>
    <xsl:choose>
      <xsl:when test="parent::s:em or parent::s:strong or parent::s:u or parent::s:sup
          or parent::s:sub or parent::s:a or parent::s:q or parent::s:abbr">
        <xsl:variable name="last">
          <xsl:call-template name="ends-run"/>
        </xsl:variable>
        <xsl:if test="$last = ''">
          <xsl:apply-templates select="following-sibling::node()[self::* or self::text()][1]" mode="run"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="following-sibling::node()[self::* or self::text()][1][self::text()
            or self::s:em or self::s:strong or self::s:u or self::s:sup or self::s:sub
            or self::s:a or self::s:q or self::s:br or self::s:name or self::s:date
            or self::s:abbr or self::s:figure or self::s:fn or self::s:xref]" mode="run"/>
      </xsl:otherwise>
    </xsl:choose>
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
        <caption><xsl:call-template name="caption-text"/></caption>
      </xsl:if>
      <xsl:if test="not(@headings = 'no')">
        <row header="yes">
          <xsl:call-template name="header-row-shade"/>
          <xsl:for-each select="s:column">
            <cell>
              <xsl:if test="@c:align">
                <xsl:attribute name="align"><xsl:value-of select="@c:align"/></xsl:attribute>
              </xsl:if>
              <xsl:if test="normalize-space(.) != '' or *">
                <para>
                  <xsl:call-template name="header-text"/>
                  <xsl:apply-templates/>
                </para>
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
          <para>
            <xsl:call-template name="cell-text"/>
            <xsl:value-of select="@c:display"/>
          </para>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="mixed-blocks"/>
        </xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <!-- On a para being written: the cell size, when the kind sets one and
       the para is in a table cell (CELL: by default, when the context is). -->
  <xsl:template name="cell-text">
    <xsl:param name="cell" select="boolean(ancestor-or-self::s:cell)"/>
    <xsl:if test="$cell-size != '' and $cell">
      <xsl:attribute name="size"><xsl:value-of select="$cell-size"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- On a header row being written: the kind's fill, if any. -->
  <xsl:template name="header-row-shade">
    <xsl:if test="$header-shade != ''">
      <xsl:attribute name="shade"><xsl:value-of select="$header-shade"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- On a header cell's para being written: the kind's size and colour. -->
  <xsl:template name="header-text">
    <xsl:if test="$cell-size != ''">
      <xsl:attribute name="size"><xsl:value-of select="$cell-size"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="$header-colour != ''">
      <xsl:attribute name="colour"><xsl:value-of select="$header-colour"/></xsl:attribute>
    </xsl:if>
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
      <xsl:call-template name="caption-text"/>
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

  <!-- A caption's words after the number csdoc gave its table, chart or
       placeholder ("Table 2: Indicators and targets"); a table without
       c:label (every table of minutes) keeps its words alone. -->
  <xsl:template name="caption-text">
    <xsl:if test="@c:label">
      <xsl:value-of select="@c:label"/>
      <xsl:if test="s:caption">: </xsl:if>
    </xsl:if>
    <xsl:apply-templates select="s:caption/node()"/>
  </xsl:template>

  <!-- A chart or diagram the source has no data or drawing for: its number
       and caption over a frame that says so plainly, never an invented
       picture.  The caption and frame stay on one page. -->
  <xsl:template match="s:placeholder">
    <box keep-together="yes" space-before="8" space-after="10">
      <xsl:call-template name="copy-id"/>
      <para bold="yes" keep-with-next="yes" space-after="4">
        <xsl:call-template name="caption-text"/>
      </para>
      <box border="#8c8c8c" shade="#f4f4f4" padding="16">
        <para italic="yes" align="center" colour="{$muted}" space-after="0">
          <xsl:choose>
            <xsl:when test="@kind = 'diagram'">The drawing of this diagram was not supplied with the source document.</xsl:when>
            <xsl:otherwise>The data for this chart was not supplied with the source document.</xsl:otherwise>
          </xsl:choose>
        </para>
        <xsl:if test="s:p">
          <box space-before="8">
            <xsl:apply-templates select="s:p"/>
          </box>
        </xsl:if>
      </box>
    </box>
  </xsl:template>

  <!-- ============================================================ board papers -->

  <!-- The board paper's header (performance reports, reports), as kinds
       may set it: whether the document is a draft, the colour of the
       warning that says so and of the board's name, and the fill of the
       header block's label column. -->
  <xsl:variable name="draft" select="/*/@c:status = 'draft'"/>
  <xsl:variable name="draft-colour" select="'#a4111d'"/>
  <xsl:variable name="accent" select="'#1f4e79'"/>
  <xsl:variable name="label-shade" select="'#dfe7ef'"/>

  <!-- The board paper's header: the board large, then a two-column table
       of what the paper is, who wrote it, what is attached, what the board
       is asked to do (ACTION-LABEL heads that row) and the meeting's date. -->
  <xsl:template match="s:report-header">
    <xsl:param name="action-label" select="'Action'"/>
    <xsl:if test="$draft">
      <para bold="yes" colour="{$draft-colour}" space-after="6">DRAFT – this report is not final.</para>
    </xsl:if>
    <para size="17" bold="yes" colour="{$accent}" space-after="8">
      <xsl:value-of select="../@c:body"/>
    </para>
    <table borders="grid" widths="24 76" space-before="0" space-after="14"
        summary="What this report is, who wrote it, what is attached and what the board is asked to do">
      <xsl:call-template name="header-block-row">
        <xsl:with-param name="label" select="'Title'"/>
        <xsl:with-param name="value" select="s:title"/>
        <xsl:with-param name="bold" select="'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="header-block-row">
        <xsl:with-param name="label" select="'Report written by'"/>
        <xsl:with-param name="value" select="s:written-by"/>
      </xsl:call-template>
      <xsl:call-template name="header-block-row">
        <xsl:with-param name="label" select="'Attached'"/>
        <xsl:with-param name="value" select="s:attached"/>
      </xsl:call-template>
      <xsl:call-template name="header-block-row">
        <xsl:with-param name="label" select="$action-label"/>
        <xsl:with-param name="value" select="s:action"/>
      </xsl:call-template>
      <xsl:if test="s:date">
        <row>
          <cell header="yes" scope="row" shade="{$label-shade}">
            <para bold="yes">Meeting</para>
          </cell>
          <cell><para><xsl:value-of select="../@c:date-display"/></para></cell>
        </row>
      </xsl:if>
    </table>
  </xsl:template>

  <!-- A row of the header block: LABEL, then each of VALUE as a paragraph
       (none: no row); a value holding a list (the recommendations) as its
       paragraphs and list. -->
  <xsl:template name="header-block-row">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="bold" select="'no'"/>
    <xsl:if test="$value">
      <row>
        <cell header="yes" scope="row" shade="{$label-shade}">
          <para bold="yes"><xsl:value-of select="$label"/></para>
        </cell>
        <cell>
          <xsl:for-each select="$value">
            <xsl:choose>
              <xsl:when test="s:ol or s:ul">
                <xsl:call-template name="mixed-blocks"/>
              </xsl:when>
              <xsl:otherwise>
                <para bold="{$bold}"><xsl:apply-templates/></para>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </cell>
      </row>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ footnotes and cross-references -->

  <xsl:key name="footnote" match="s:footnotes/s:footnote" use="@id"/>

  <!-- Footnotes are printed where they are cited (see s:fn, symbol-notes),
       never where they are declared. -->
  <xsl:template match="s:footnotes"/>

  <!-- 'y' when MARK is a number.  The typesetter numbers its notes 1, 2,
       3… in the order they are printed, which is csdoc's order of first
       citation; a symbol mark (*, **) is nothing it can print, so such
       footnotes are set under their block instead (symbol-notes). -->
  <xsl:template name="numbered-mark">
    <xsl:param name="mark" select="@c:mark"/>
    <xsl:if test="string-length($mark) &gt; 0 and translate($mark, '0123456789', '') = ''">y</xsl:if>
  </xsl:template>

  <!-- A citation.  The first of a numbered footnote is the note itself:
       its number here, its words at the foot of this page.  Any other
       prints only the mark, raised as the typesetter raises a note's; so
       does a copy csdoc made of the words around a first citation (the
       minutes' register), which must not set the note twice. -->
  <xsl:template match="s:fn">
    <xsl:variable name="numbered">
      <xsl:call-template name="numbered-mark"/>
    </xsl:variable>
    <!-- two citations side by side: "1,2", never "12" -->
    <xsl:if test="preceding-sibling::node()[1][self::s:fn]"><sup>,</sup></xsl:if>
    <xsl:choose>
      <xsl:when test="@c:first = 'yes' and $numbered = 'y' and not(ancestor::c:*)">
        <note id="{@c:target}"><xsl:apply-templates select="key('footnote', @c:target)/node()"/></note>
      </xsl:when>
      <xsl:otherwise>
        <sup><xsl:value-of select="@c:mark"/></sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The symbol-marked footnotes first cited in the context block, set
       under it in small type ("** To be reduced by 10%…"), as the
       originals print a table's caveats; each is a link target. -->
  <xsl:template name="symbol-notes">
    <xsl:for-each select=".//s:fn[@c:first = 'yes'][not(ancestor::c:*)]">
      <xsl:variable name="numbered">
        <xsl:call-template name="numbered-mark"/>
      </xsl:variable>
      <xsl:if test="$numbered != 'y'">
        <para size="8.5" space-before="0" space-after="4" id="{@c:target}">
          <xsl:value-of select="@c:mark"/>
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="key('footnote', @c:target)/node()"/>
        </para>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- One block of a part (a section, an item): the block, then the
       symbol-marked footnotes it cites first.  A nested part sees to its
       own blocks. -->
  <xsl:template match="*" mode="block">
    <xsl:apply-templates select="."/>
    <xsl:call-template name="symbol-notes"/>
  </xsl:template>

  <xsl:template match="s:item | s:section | s:appendix" mode="block">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- A cross-reference prints what csdoc computed (c:text: "Table 2",
       "Section Eight"), "page N", or "Table 2 on page N", as a link to its
       target.  Without an anchor in this document (see has-target) there
       is neither link nor page, so it prints its words alone. -->
  <xsl:template match="s:xref">
    <xsl:variable name="target">
      <xsl:call-template name="has-target">
        <xsl:with-param name="id" select="string(@c:target)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$target != 'y'">
        <xsl:value-of select="@c:text"/>
      </xsl:when>
      <xsl:otherwise>
        <link href="#{@c:target}">
          <xsl:choose>
            <xsl:when test="@form = 'page'">
              <xsl:text>page </xsl:text>
              <page-ref ref="{@c:target}"/>
            </xsl:when>
            <xsl:when test="@form = 'both'">
              <xsl:value-of select="@c:text"/>
              <xsl:text> on page </xsl:text>
              <page-ref ref="{@c:target}"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="@c:text"/>
            </xsl:otherwise>
          </xsl:choose>
        </link>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Elements csdoc adds print only where a kind's stylesheet asks. -->
  <xsl:template match="c:*"/>

</xsl:stylesheet>
